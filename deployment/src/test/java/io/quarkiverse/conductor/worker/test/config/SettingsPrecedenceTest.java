package io.quarkiverse.conductor.worker.test.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.runtime.poll.EffectiveWorkerSettings;
import io.quarkiverse.conductor.worker.runtime.poll.WorkerSettings;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Global configuration, then the annotation, then the worker's own configuration section: each overrides the one
 * before.
 */
class SettingsPrecedenceTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class))
            .overrideConfigKey("quarkus.conductor.server-url", "http://127.0.0.1:1/api")
            .overrideConfigKey("quarkus.conductor.worker.enabled", "true")
            .overrideConfigKey("quarkus.conductor.worker.concurrency", "3")
            .overrideConfigKey("quarkus.conductor.worker.poll-interval", "50ms")
            .overrideConfigKey("quarkus.conductor.worker.domain", "grey")
            .overrideConfigKey("quarkus.conductor.worker.worker-id", "host-1")
            .overrideConfigKey("quarkus.conductor.worker.paused", "true")
            .overrideConfigKey("quarkus.conductor.workers.\"overridden\".concurrency", "7")
            .overrideConfigKey("quarkus.conductor.workers.\"overridden\".domain", "red")
            .overrideConfigKey("quarkus.conductor.workers.\"overridden\".poll-interval", "2s")
            .overrideConfigKey("quarkus.conductor.workers.\"overridden\".worker-id", "special")
            .overrideConfigKey("quarkus.conductor.workers.\"overridden\".batch-limit", "2")
            .overrideConfigKey("quarkus.conductor.workers.\"overridden\".long-poll-timeout", "3s")
            .overrideConfigKey("quarkus.conductor.workers.\"overridden\".paused", "false")
            .overrideConfigKey("quarkus.conductor.workers.\"off\".enabled", "false");

    @Inject
    EffectiveWorkerSettings settings;

    @Test
    void globalConfigurationAppliesToAPlainWorker() {
        WorkerSettings plain = settings.get("plain");

        assertThat(plain.concurrency()).isEqualTo(3);
        assertThat(plain.batchLimit()).isEqualTo(3);
        assertThat(plain.pollInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(plain.longPollTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(plain.domain()).isEqualTo("grey");
        assertThat(plain.workerId()).isEqualTo("host-1");
        assertThat(plain.paused()).isTrue();
        assertThat(plain.enabled()).isTrue();
    }

    @Test
    void annotationOverridesGlobalConfiguration() {
        WorkerSettings annotated = settings.get("annotated");

        assertThat(annotated.concurrency()).isEqualTo(5);
        assertThat(annotated.pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(annotated.domain()).isEqualTo("green");
    }

    @Test
    void workerSectionOverridesTheAnnotation() {
        WorkerSettings overridden = settings.get("overridden");

        assertThat(overridden.concurrency()).isEqualTo(7);
        assertThat(overridden.batchLimit()).isEqualTo(2);
        assertThat(overridden.pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(overridden.longPollTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(overridden.domain()).isEqualTo("red");
        assertThat(overridden.workerId()).isEqualTo("special");
        assertThat(overridden.paused()).isFalse();
    }

    @Test
    void workerSectionDisablesOneWorker() {
        assertThat(settings.get("off").enabled()).isFalse();
        assertThat(settings.get("plain").enabled()).isTrue();
    }

    static class Workers {
        @ConductorWorker("plain")
        void plain() {
        }

        @ConductorWorker(value = "annotated", concurrency = 5, pollInterval = "250ms", domain = "green")
        void annotated() {
        }

        @ConductorWorker(value = "overridden", concurrency = 5, pollInterval = "250ms", domain = "green")
        void overridden() {
        }

        @ConductorWorker("off")
        void off() {
        }
    }
}

package io.quarkiverse.conductor.worker.test.invocation;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application without Micrometer, SmallRye Health or OpenTelemetry (as every test of this module is) starts and
 * runs its workers, and none of their classes is there to load: the extension's integrations with them are added
 * only when the application has them.
 */
class WithoutMetricsHealthOrTracingTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(WithoutMetricsHealthOrTracingTest.class,
            stubs -> SharedWireMock.pollOnceReturns(stubs, "plain", "[" + SharedWireMock.task("t-plain", "plain", "{}")
                    + "]"));

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Plain.class, SharedWireMock.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms");

    @Test
    void workersRunWithNoneOfTheirClasses() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> wiremock.verifyThat(1,
                postRequestedFor(urlEqualTo("/api/tasks")).withRequestBody(matchingJsonPath("$.taskId",
                        equalTo("t-plain")))));

        ClassLoader application = Thread.currentThread().getContextClassLoader();
        for (String type : List.of("io.micrometer.core.instrument.MeterRegistry",
                "org.eclipse.microprofile.health.HealthCheck", "io.opentelemetry.api.trace.Tracer")) {
            assertThatThrownBy(() -> Class.forName(type, false, application)).as(type)
                    .isInstanceOf(ClassNotFoundException.class);
        }
        assertThat(Plain.CALLS).hasValue(1);
    }

    static class Plain {
        static final java.util.concurrent.atomic.AtomicInteger CALLS = new java.util.concurrent.atomic.AtomicInteger();

        @ConductorWorker("plain")
        void plain() {
            CALLS.incrementAndGet();
        }
    }
}

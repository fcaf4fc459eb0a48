package io.quarkiverse.conductor.worker.test.polling;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.ConductorWorkers;
import io.quarkiverse.conductor.worker.WorkerInfo;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The injectable {@link ConductorWorkers} lists every worker with its effective settings, state and counters, and
 * pauses and resumes them at run time, one or all: a paused worker sends no poll until it is resumed.
 */
class RuntimeControlTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(RuntimeControlTest.class, stubs -> {
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, SharedWireMock.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "50ms")
            .overrideConfigKey("quarkus.conductor.worker.worker-id", "pod-7")
            .overrideConfigKey("quarkus.conductor.workers.\"billing\".domain", "eu")
            .overrideConfigKey("quarkus.conductor.workers.\"billing\".execution-timeout", "2m")
            .overrideConfigKey("quarkus.conductor.workers.\"archive\".enabled", "false");

    @Inject
    ConductorWorkers workers;

    @Test
    void listsPausesAndResumes() {
        assertThat(workers.workers()).extracting(WorkerInfo::taskName).containsExactlyInAnyOrder("shipping",
                "billing", "archive");
        WorkerInfo billing = workers.worker("billing").orElseThrow();
        assertThat(billing.method()).isEqualTo("RuntimeControlTest$Workers#billing()");
        assertThat(billing.concurrency()).isEqualTo(3);
        assertThat(billing.domain()).contains("eu");
        assertThat(billing.workerId()).isEqualTo("pod-7");
        assertThat(billing.executionTimeout()).contains(Duration.ofMinutes(2));
        assertThat(billing.leaseExtension()).isTrue();
        assertThat(workers.worker("archive").map(WorkerInfo::state)).contains(WorkerInfo.State.DISABLED);
        assertThat(workers.worker("nothing")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> workers.worker("shipping").orElseThrow().polls() > 0);
        assertThat(workers.worker("shipping").map(WorkerInfo::state)).contains(WorkerInfo.State.POLLING);

        workers.pauseAll();

        assertThat(workers.workers()).filteredOn(worker -> !worker.taskName().equals("archive"))
                .extracting(WorkerInfo::state).containsOnly(WorkerInfo.State.PAUSED);
        // polls sent before the pause may still answer; then none is sent
        AtomicInteger last = new AtomicInteger(-1);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).during(Duration.ofMillis(500))
                .until(() -> {
                    int now = polls("shipping");
                    return last.getAndSet(now) == now;
                });
        int polled = polls("shipping");
        assertThat(workers.pause("archive")).as("a disabled worker has nothing to pause").isFalse();

        assertThat(workers.resume("shipping")).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> polls("shipping") > polled);
        assertThat(workers.worker("billing").map(WorkerInfo::state)).contains(WorkerInfo.State.PAUSED);
        workers.resumeAll();
        assertThat(workers.worker("billing").map(WorkerInfo::state)).contains(WorkerInfo.State.POLLING);
        assertThat(workers.worker("billing").map(WorkerInfo::domain)).isEqualTo(Optional.of(Optional.of("eu")));
    }

    private static int polls(String taskType) {
        return wiremock.find(getRequestedFor(urlPathEqualTo("/api/tasks/poll/batch/" + taskType))).size();
    }

    static class Workers {
        @ConductorWorker("shipping")
        void shipping() {
        }

        @ConductorWorker(value = "billing", concurrency = 3)
        void billing() {
        }

        @ConductorWorker("archive")
        void archive() {
        }
    }
}

package io.quarkiverse.conductor.worker.test.polling;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.runtime.poll.WorkerPollers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A paused worker does not poll until it is resumed; a disabled worker never polls.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PausedWorkerTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(PausedWorkerTest.class, stubs -> {
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, SharedWireMock.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "50ms")
            .overrideConfigKey("quarkus.conductor.workers.\"sleepy\".paused", "true")
            .overrideConfigKey("quarkus.conductor.workers.\"off\".enabled", "false");

    @Inject
    WorkerPollers pollers;

    @Test
    @Order(1)
    void pausedAndDisabledWorkersDoNotPollWhileOthersDo() {
        // three polls of the active worker: the others, started with it, would have polled by now
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> wiremock.verifyThat(moreThanOrExactly(3),
                getRequestedFor(urlPathEqualTo("/api/tasks/poll/batch/active"))));

        wiremock.verifyThat(0, getRequestedFor(urlPathEqualTo("/api/tasks/poll/batch/sleepy")));
        wiremock.verifyThat(0, getRequestedFor(urlPathEqualTo("/api/tasks/poll/batch/off")));
        assertThat(pollers.isPaused("sleepy")).isTrue();
        assertThat(pollers.stats("sleepy").polls()).isZero();
        assertThat(pollers.stats("off")).as("a disabled worker has no poller").isNull();
    }

    @Test
    @Order(2)
    void resumedWorkerPolls() {
        assertThat(pollers.resume("sleepy")).isTrue();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> wiremock.verifyThat(getRequestedFor(urlPathEqualTo("/api/tasks/poll/batch/sleepy"))));
        assertThat(pollers.isPaused("sleepy")).isFalse();
    }

    static class Workers {
        @ConductorWorker("active")
        void active() {
        }

        @ConductorWorker("sleepy")
        void sleepy() {
        }

        @ConductorWorker("off")
        void off() {
        }
    }
}

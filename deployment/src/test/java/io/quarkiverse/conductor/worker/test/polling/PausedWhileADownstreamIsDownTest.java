package io.quarkiverse.conductor.worker.test.polling;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
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
 * The observability page's runtime-control example, as the page shows it: an application bean pauses a worker while
 * the system it calls is down (no poll goes out for it) and resumes it afterwards.
 */
class PausedWhileADownstreamIsDownTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(PausedWhileADownstreamIsDownTest.class, stubs -> {
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Maintenance.class, Workers.class, SharedWireMock.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "50ms");

    @Inject
    Maintenance maintenance;

    @Inject
    ConductorWorkers workers;

    @Test
    void noPollGoesOutWhilePausedAndPollingResumesAfterwards() {
        await().atMost(Duration.ofSeconds(10)).until(() -> polls() > 0);

        maintenance.paymentProviderDown();

        assertThat(workers.worker("charge_card").map(WorkerInfo::state)).contains(WorkerInfo.State.PAUSED);
        AtomicInteger last = new AtomicInteger(-1);
        // a poll sent before the pause may still be open; after it, none is sent
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).during(Duration.ofMillis(500))
                .until(() -> {
                    int now = polls();
                    return last.getAndSet(now) == now;
                });
        int whilePaused = polls();
        assertThat(maintenance.chargesRunning()).isZero();

        maintenance.paymentProviderBack();

        assertThat(workers.worker("charge_card").map(WorkerInfo::state)).contains(WorkerInfo.State.POLLING);
        await().atMost(Duration.ofSeconds(5)).until(() -> polls() > whilePaused);
    }

    private static int polls() {
        return wiremock.find(getRequestedFor(urlPathEqualTo("/api/tasks/poll/batch/charge_card"))).size();
    }

    static class Workers {
        @ConductorWorker("charge_card")
        void chargeCard() {
        }
    }

    // tag::maintenance[]
    @ApplicationScoped
    public static class Maintenance {

        @Inject
        ConductorWorkers workers;

        /** While the payment provider is down, charge_card tasks wait in the server's queue rather than fail. */
        public void paymentProviderDown() {
            workers.pause("charge_card");
        }

        public void paymentProviderBack() {
            workers.resume("charge_card");
        }

        public int chargesRunning() {
            return workers.worker("charge_card").map(WorkerInfo::running).orElse(0);
        }
    }
    // end::maintenance[]
}

package io.quarkiverse.conductor.worker.test.polling;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An idle worker long-polls for one task with the configured timeout, worker id and domain; once tasks flow, it asks
 * for all its free slots without waiting once a task shows that a backlog is queued (it had waited in the queue).
 */
class LongPollParametersTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(LongPollParametersTest.class,
            stubs -> SharedWireMock.pollOnceReturns(stubs, "hold", "[" + SharedWireMock.queuedTask("t-1", "hold", "{}") + "]"));

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Holder.class, SharedWireMock.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "2s")
            .overrideConfigKey("quarkus.conductor.worker.worker-id", "w-7")
            .overrideConfigKey("quarkus.conductor.worker.long-polls", "1")
            .overrideConfigKey("quarkus.conductor.workers.\"hold\".domain", "blue")
            .overrideConfigKey("quarkus.conductor.workers.\"hold\".concurrency", "4");

    @Test
    void idlePollWaitsForOneTaskAndBusyPollAsksForTheFreeSlots() throws InterruptedException {
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                wiremock.verifyThat(getRequestedFor(urlPathEqualTo("/api/tasks/poll/batch/hold"))
                        .withQueryParam("workerid", equalTo("w-7")).withQueryParam("domain", equalTo("blue"))
                        .withQueryParam("count", equalTo("1")).withQueryParam("timeout", equalTo("2000")));
                // t-1 holds one of the four slots
                wiremock.verifyThat(getRequestedFor(urlPathEqualTo("/api/tasks/poll/batch/hold"))
                        .withQueryParam("count", equalTo("3")).withQueryParam("timeout", equalTo("0")));
            });
            wiremock.verifyThat(0, getRequestedFor(urlPathEqualTo("/api/tasks/poll/batch/hold"))
                    .withQueryParam("domain", absent()));
        } finally {
            Holder.RELEASE.countDown();
        }
    }

    static class Holder {
        static final CountDownLatch RELEASE = new CountDownLatch(1);

        @ConductorWorker(value = "hold", concurrency = 2)
        void hold() throws InterruptedException {
            RELEASE.await(30, TimeUnit.SECONDS);
        }
    }
}

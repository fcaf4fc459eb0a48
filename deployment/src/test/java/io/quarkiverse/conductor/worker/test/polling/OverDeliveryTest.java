package io.quarkiverse.conductor.worker.test.polling;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A server that hands out more tasks than asked for does not break the concurrency limit: the extra tasks wait for a
 * free slot, and none is lost.
 */
class OverDeliveryTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(OverDeliveryTest.class,
            stubs -> SharedWireMock.pollOnceReturns(stubs, "slow", "["
                    + SharedWireMock.task("t-1", "slow", "{}") + ", "
                    + SharedWireMock.task("t-2", "slow", "{}") + ", "
                    + SharedWireMock.task("t-3", "slow", "{}") + "]"));

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Slow.class, SharedWireMock.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms");

    @Test
    void extraTasksWaitForAFreeSlotAndAllAreReported() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String taskId : new String[] { "t-1", "t-2", "t-3" }) {
                wiremock.verifyThat(1, postRequestedFor(urlEqualTo("/api/tasks"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo(taskId))));
            }
        });
        assertThat(Slow.EXECUTED).hasValue(3);
        assertThat(Slow.MAX_CONCURRENT).hasValue(1);
        // every poll asked for one task, the only slot
        wiremock.verifyThat(0, getRequestedFor(urlPathEqualTo("/api/tasks/poll/batch/slow"))
                .withQueryParam("count", WireMock.notMatching("1")));
    }

    static class Slow {
        static final AtomicInteger RUNNING = new AtomicInteger();
        static final AtomicInteger MAX_CONCURRENT = new AtomicInteger();
        static final AtomicInteger EXECUTED = new AtomicInteger();

        @ConductorWorker(value = "slow", concurrency = 1)
        void slow() throws InterruptedException {
            MAX_CONCURRENT.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
            // long enough for a second task to overlap if the limit were not kept
            Thread.sleep(100);
            RUNNING.decrementAndGet();
            EXECUTED.incrementAndGet();
        }
    }
}

package io.quarkiverse.conductor.worker.test.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.ForwardProxy;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code connection-pool-size} bounds the connections the workers open: eight results ready at once, which a slow
 * server holds, go out over the two connections allowed, one after the other, and all arrive. The connections are
 * counted by a proxy in between (the default pool would open one per result).
 */
class ConnectionPoolSizeTest {

    private static final String PROXY = "pool-counter";
    private static final int TASKS = 8;

    static final WireMock wiremock = SharedWireMock.forTestClass(ConnectionPoolSizeTest.class, stubs -> {
        SharedWireMock.pollOnceReturns(stubs, "burst", IntStream.rangeClosed(1, TASKS)
                .mapToObj(i -> SharedWireMock.task("t-" + i, "burst", "{}")).collect(Collectors.joining(", ", "[", "]")));
        // a result held a while: with a connection each, they would all be open at once
        stubs.register(post(urlEqualTo("/api/tasks")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody("ok").withFixedDelay(300)));
    });

    static final int proxyPort = ForwardProxy.start(PROXY, null, null, URI.create(SharedWireMock.apiUrl()).getPort());

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Burst.class, ForwardProxy.class, SharedWireMock.class,
                    PollAnswers.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.proxy-configuration-name", "counter")
            .overrideConfigKey("quarkus.proxy.counter.host", "localhost")
            .overrideConfigKey("quarkus.proxy.counter.port", String.valueOf(proxyPort))
            .overrideConfigKey("quarkus.conductor.connection-pool-size", "2")
            // the registration's requests go on the same connection: only the workers' are counted here
            .overrideConfigKey("quarkus.conductor.registration.mode", "none")
            .overrideConfigKey("quarkus.conductor.worker.long-polls", "1")
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms");

    @Test
    void resultsShareTheConnectionsAllowed() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (int i = 1; i <= TASKS; i++) {
                wiremock.verifyThat(1, postRequestedFor(urlEqualTo("/api/tasks"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-" + i))));
            }
        });
        assertThat(Burst.MOST_AT_ONCE).as("the results were ready together").hasValueGreaterThanOrEqualTo(4);
        assertThat(ForwardProxy.mostOpenConnections(PROXY)).isEqualTo(2);
    }

    static class Burst {
        static final AtomicInteger RUNNING = new AtomicInteger();
        static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();

        @ConductorWorker(value = "burst", concurrency = TASKS)
        void burst() throws InterruptedException {
            MOST_AT_ONCE.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
            // long enough for the others to start: their results are then ready together
            Thread.sleep(200);
            RUNNING.decrementAndGet();
        }
    }
}

package io.quarkiverse.conductor.worker.test.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
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
 * {@code keep-alive-timeout} closes the connections a burst of results opened once they idle that long, before a load
 * balancer's idle timeout would close them under a request; the idle worker's poll keeps one. Counted by a proxy in
 * between (with the default of 30 s, they would all still be open).
 */
class IdleConnectionsClosedTest {

    private static final String PROXY = "keep-alive-counter";
    private static final int TASKS = 8;

    static final WireMock wiremock = SharedWireMock.forTestClass(IdleConnectionsClosedTest.class, stubs -> {
        SharedWireMock.pollOnceReturns(stubs, "burst", IntStream.rangeClosed(1, TASKS)
                .mapToObj(i -> SharedWireMock.task("t-" + i, "burst", "{}")).collect(Collectors.joining(", ", "[", "]")));
        // results held together: each takes a connection of its own
        stubs.register(post(urlEqualTo("/api/tasks")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody("ok").withFixedDelay(500)));
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
            .overrideConfigKey("quarkus.conductor.keep-alive-timeout", "1s")
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms");

    @Test
    void connectionsIdleForTheTimeoutAreClosed() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> wiremock.verifyThat(TASKS, postRequestedFor(urlEqualTo("/api/tasks"))));
        assertThat(ForwardProxy.mostOpenConnections(PROXY)).as("the burst opened several").isGreaterThanOrEqualTo(4);

        await().atMost(Duration.ofSeconds(10)).until(() -> ForwardProxy.openConnections(PROXY) <= 1);
    }

    static class Burst {
        @ConductorWorker(value = "burst", concurrency = TASKS)
        void burst() {
        }
    }
}

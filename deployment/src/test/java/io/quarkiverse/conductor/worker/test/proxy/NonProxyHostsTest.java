package io.quarkiverse.conductor.worker.test.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A server among the proxy's non-proxy hosts is reached directly: the proxy configured here does not even listen, and
 * tasks complete.
 */
class NonProxyHostsTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(NonProxyHostsTest.class,
            stubs -> SharedWireMock.pollOnceReturns(stubs, "direct",
                    "[" + SharedWireMock.task("t-1", "direct", "{}") + "]"));

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Direct.class, SharedWireMock.class, PollAnswers.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.proxy-configuration-name", "corporate")
            .overrideConfigKey("quarkus.proxy.corporate.host", "localhost")
            .overrideConfigKey("quarkus.proxy.corporate.port", String.valueOf(closedPort()))
            .overrideConfigKey("quarkus.proxy.corporate.non-proxy-hosts", "*.svc.cluster.local,localhost")
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms");

    @Test
    void tasksCompleteWithoutTheProxy() {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/tasks"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-1")))
                        .withRequestBody(matchingJsonPath("$.status", equalTo("COMPLETED")))));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static class Direct {
        @ConductorWorker("direct")
        void direct() {
        }
    }
}

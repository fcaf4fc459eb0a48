package io.quarkiverse.conductor.worker.test.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.ForwardProxy;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkiverse.conductor.worker.test.TlsWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * HTTPS through an HTTP proxy that requires credentials, the common production case (a cloud server, a company proxy):
 * the proxy only sees a {@code CONNECT} tunnel, opened with its credentials; TLS runs end to end through it, with the
 * private CA of the TLS configuration; tasks complete.
 */
class HttpsThroughProxyTest {

    private static final String PROXY = "tunnel";

    static final WireMock wiremock = TlsWireMock.forTestClass(TlsWireMock.Kind.TLS, HttpsThroughProxyTest.class,
            stubs -> SharedWireMock.pollOnceReturns(stubs, "tunnelled",
                    "[" + SharedWireMock.task("t-1", "tunnelled", "{}") + "]"));

    static final int proxyPort = ForwardProxy.start(PROXY, "worker", "pr0xy", 1);

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Tunnelled.class, ForwardProxy.class, TlsWireMock.class,
                    SharedWireMock.class, PollAnswers.class))
            .overrideConfigKey("quarkus.conductor.server-url", TlsWireMock.apiUrl(TlsWireMock.Kind.TLS))
            .overrideConfigKey("quarkus.conductor.tls-configuration-name", "conductor")
            .overrideConfigKey("quarkus.tls.conductor.trust-store.pem.certs", TlsWireMock.pem("conductor-ca.crt").toString())
            .overrideConfigKey("quarkus.conductor.proxy-configuration-name", "corporate")
            .overrideConfigKey("quarkus.proxy.corporate.host", "localhost")
            .overrideConfigKey("quarkus.proxy.corporate.port", String.valueOf(proxyPort))
            .overrideConfigKey("quarkus.proxy.corporate.username", "worker")
            .overrideConfigKey("quarkus.proxy.corporate.password", "pr0xy")
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms");

    @Test
    void tasksCompleteThroughATunnel() {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/tasks"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-1")))
                        .withRequestBody(matchingJsonPath("$.status", equalTo("COMPLETED")))));

        assertThat(ForwardProxy.requests(PROXY)).isNotEmpty()
                .containsOnly("CONNECT localhost:" + TlsWireMock.httpsPort(TlsWireMock.Kind.TLS));
        assertThat(ForwardProxy.credentials(PROXY)).doesNotContain("null");
    }

    static class Tunnelled {
        @ConductorWorker("tunnelled")
        void tunnelled() {
        }
    }
}

package io.quarkiverse.conductor.worker.test.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.ForwardProxy;
import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Through an HTTP proxy that requires credentials, configured as the production guide writes it: the server's name is
 * one only the proxy knows, so every poll and result went through it, with the proxy's credentials; tasks complete. The
 * proxy password is never logged.
 */
class ProxyTest {

    /** The production guide's proxy example, word for word. */
    static final String GUIDE = """
            quarkus.conductor.server-url=http://conductor.example.com/api
            quarkus.conductor.proxy-configuration-name=corporate
            quarkus.proxy.corporate.host=proxy.example.com
            quarkus.proxy.corporate.port=3128
            quarkus.proxy.corporate.username=${PROXY_USER}
            quarkus.proxy.corporate.password=${PROXY_PASSWORD}
            quarkus.proxy.corporate.non-proxy-hosts=localhost,*.svc.cluster.local
            """;

    private static final String PROXY = "corporate";
    private static final String PASSWORD = "pr0xy-s3cret";

    static final WireMock wiremock = SharedWireMock.forTestClass(ProxyTest.class,
            stubs -> SharedWireMock.pollOnceReturns(stubs, "proxied",
                    "[" + SharedWireMock.task("t-1", "proxied", "{}") + "]"));

    static final int proxyPort = ForwardProxy.start(PROXY, "worker", PASSWORD,
            URI.create(SharedWireMock.apiUrl()).getPort());

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Proxied.class, ForwardProxy.class, SharedWireMock.class,
                    PollAnswers.class, LogMessages.class)
                    .addAsResource(new StringAsset(GUIDE), "application.properties"))
            // the test proxy instead of the guide's
            .overrideConfigKey("quarkus.proxy.corporate.host", "localhost")
            .overrideConfigKey("quarkus.proxy.corporate.port", String.valueOf(proxyPort))
            .overrideConfigKey("PROXY_USER", "worker")
            .overrideConfigKey("PROXY_PASSWORD", PASSWORD)
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            .overrideConfigKey("quarkus.log.category.\"io.quarkiverse.conductor\".level", "DEBUG")
            .overrideConfigKey("quarkus.log.min-level", "DEBUG")
            .setLogRecordPredicate(record -> true)
            .assertLogRecords(ProxyTest::noProblemAndNoPassword);

    @Test
    void tasksCompleteThroughTheProxy() {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/tasks"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-1")))
                        .withRequestBody(matchingJsonPath("$.status", equalTo("COMPLETED")))));

        assertThat(ForwardProxy.requests(PROXY))
                .anySatisfy(request -> assertThat(request).startsWith("GET http://conductor.example.com")
                        .contains("/api/tasks/poll/batch/proxied?"))
                .anySatisfy(request -> assertThat(request).startsWith("POST http://conductor.example.com")
                        .endsWith("/api/tasks"));
        assertThat(ForwardProxy.credentials(PROXY)).containsOnly("Basic "
                + Base64.getEncoder().encodeToString(("worker:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static void noProblemAndNoPassword(List<LogRecord> records) {
        assertThat(records).filteredOn(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(LogMessages::text).isEmpty();
        // the check means something only if requests were logged
        assertThat(records).extracting(LogMessages::text)
                .anySatisfy(text -> assertThat(text).contains("/api/tasks/poll/batch/proxied"))
                .allSatisfy(text -> assertThat(text).doesNotContain(PASSWORD));
    }

    static class Proxied {
        @ConductorWorker("proxied")
        void proxied() {
        }
    }
}

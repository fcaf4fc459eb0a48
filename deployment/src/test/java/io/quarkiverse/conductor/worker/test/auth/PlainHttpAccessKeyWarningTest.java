package io.quarkiverse.conductor.worker.test.auth;

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
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

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
 * An access key with a plain {@code http://} server URL on another machine: one WARN at start-up, naming the property
 * to change and showing no secret, and none after, however many requests go out; the work goes on. The server's name is
 * one only the test's proxy knows, which forwards to WireMock: to the extension, it is another machine.
 */
class PlainHttpAccessKeyWarningTest {

    private static final String PROXY = "plain-http";
    private static final String SECRET = "s3cr3t-over-http";

    static final WireMock wiremock = SharedWireMock.forTestClass(PlainHttpAccessKeyWarningTest.class, stubs -> {
        stubs.register(post(urlEqualTo("/api/token")).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"token\": \"plain-token\"}")));
        SharedWireMock.pollOnceReturns(stubs, "exposed", "[" + SharedWireMock.task("t-1", "exposed", "{}") + "]");
    });

    static final int proxyPort = ForwardProxy.start(PROXY, null, null, URI.create(SharedWireMock.apiUrl()).getPort());

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Exposed.class, ForwardProxy.class, SharedWireMock.class,
                    PollAnswers.class, LogMessages.class))
            .overrideConfigKey("quarkus.conductor.server-url", "http://conductor.example.com/api")
            .overrideConfigKey("quarkus.conductor.proxy-configuration-name", "to-wiremock")
            .overrideConfigKey("quarkus.proxy.to-wiremock.host", "localhost")
            .overrideConfigKey("quarkus.proxy.to-wiremock.port", String.valueOf(proxyPort))
            .overrideConfigKey("quarkus.conductor.auth.key-id", "app-key")
            .overrideConfigKey("quarkus.conductor.auth.key-secret", SECRET)
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.conductor"))
            .assertLogRecords(PlainHttpAccessKeyWarningTest::oneWarningNamingTheProperty);

    @Test
    void workGoesOnOverPlainHttp() {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/tasks"))
                        .withHeader("X-Authorization", equalTo("plain-token"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-1")))));
        assertThat(ForwardProxy.requests(PROXY)).anySatisfy(request -> assertThat(request)
                .startsWith("POST http://conductor.example.com").endsWith("/api/token"));
    }

    private static void oneWarningNamingTheProperty(List<LogRecord> records) {
        assertThat(records).filteredOn(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(LogMessages::text)
                .singleElement().asString()
                .startsWith("The Conductor server URL http://conductor.example.com/api is plain HTTP: the application"
                        + " access key's secret")
                .contains("Use an https:// URL in quarkus.conductor.server-url")
                .doesNotContain(SECRET, "plain-token");
    }

    static class Exposed {
        @ConductorWorker("exposed")
        void exposed() {
        }
    }
}

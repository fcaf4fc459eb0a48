package io.quarkiverse.conductor.worker.test.tls;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkiverse.conductor.worker.test.TlsWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A server whose certificate a private CA signed, trusted through a TLS configuration of the registry: the
 * configuration of the production guide, as written there. Tasks are polled and completed over HTTPS, with hostname
 * verification on.
 */
class PrivateCaTest {

    /** The production guide's "Connecting securely" example, word for word. */
    static final String GUIDE = """
            quarkus.conductor.server-url=https://conductor.internal.example.com/api
            quarkus.conductor.tls-configuration-name=conductor
            quarkus.tls.conductor.trust-store.pem.certs=conductor-ca.crt
            """;

    static final WireMock wiremock = TlsWireMock.forTestClass(TlsWireMock.Kind.TLS, PrivateCaTest.class,
            stubs -> SharedWireMock.pollOnceReturns(stubs, "secure",
                    "[" + SharedWireMock.task("t-1", "secure", "{\"name\": \"Ada\"}") + "]"));

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Secure.class, TlsWireMock.class, SharedWireMock.class,
                    PollAnswers.class, LogMessages.class)
                    .addAsResource(new StringAsset(GUIDE), "application.properties")
                    .addAsResource(TlsWireMock.pem("conductor-ca.crt").toFile(), "conductor-ca.crt"))
            // the test server's address instead of the guide's
            .overrideConfigKey("quarkus.conductor.server-url", TlsWireMock.apiUrl(TlsWireMock.Kind.TLS))
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.conductor"))
            .assertLogRecords(PrivateCaTest::noProblem);

    @Test
    void tasksCompleteOverHttps() {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/tasks"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-1")))
                        .withRequestBody(matchingJsonPath("$.status", equalTo("COMPLETED")))
                        .withRequestBody(matchingJsonPath("$.outputData.result", equalTo("Hello, Ada")))));

        assertThat(wiremock.find(postRequestedFor(urlEqualTo("/api/tasks")))).extracting(LoggedRequest::getAbsoluteUrl)
                .allSatisfy(
                        url -> assertThat(url).startsWith("https://localhost:" + TlsWireMock.httpsPort(TlsWireMock.Kind.TLS)));
    }

    private static void noProblem(List<LogRecord> records) {
        assertThat(records).filteredOn(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(LogMessages::text).isEmpty();
    }

    static class Secure {
        @ConductorWorker("secure")
        String secure(String name) {
            return "Hello, " + name;
        }
    }
}

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

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkiverse.conductor.worker.test.TlsWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A server that requires a client certificate (mutual TLS), and the TLS configuration of the production guide, as
 * written there, with the worker's certificate and key: tasks are polled and completed.
 */
class MutualTlsTest {

    /** The production guide's mutual TLS example, word for word. */
    static final String GUIDE = """
            quarkus.conductor.tls-configuration-name=conductor
            quarkus.tls.conductor.trust-store.pem.certs=conductor-ca.crt
            quarkus.tls.conductor.key-store.pem.worker.cert=worker.crt
            quarkus.tls.conductor.key-store.pem.worker.key=worker.key
            """;

    static final WireMock wiremock = TlsWireMock.forTestClass(TlsWireMock.Kind.MUTUAL_TLS, MutualTlsTest.class,
            stubs -> SharedWireMock.pollOnceReturns(stubs, "mutual",
                    "[" + SharedWireMock.task("t-1", "mutual", "{}") + "]"));

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Mutual.class, TlsWireMock.class, SharedWireMock.class,
                    PollAnswers.class, LogMessages.class)
                    .addAsResource(new StringAsset(GUIDE), "application.properties")
                    .addAsResource(TlsWireMock.pem("conductor-ca.crt").toFile(), "conductor-ca.crt")
                    .addAsResource(TlsWireMock.pem("worker.crt").toFile(), "worker.crt")
                    .addAsResource(TlsWireMock.pem("worker.key").toFile(), "worker.key"))
            .overrideConfigKey("quarkus.conductor.server-url", TlsWireMock.apiUrl(TlsWireMock.Kind.MUTUAL_TLS))
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.conductor"))
            .assertLogRecords(MutualTlsTest::noProblem);

    @Test
    void tasksCompleteWithAClientCertificate() {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/tasks"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-1")))
                        .withRequestBody(matchingJsonPath("$.status", equalTo("COMPLETED")))));
    }

    private static void noProblem(List<LogRecord> records) {
        assertThat(records).filteredOn(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(LogMessages::text).isEmpty();
    }

    static class Mutual {
        @ConductorWorker("mutual")
        void mutual() {
        }
    }
}

package io.quarkiverse.conductor.worker.test.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.runtime.poll.WorkerPollers;
import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkiverse.conductor.worker.test.TlsWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A server that requires a client certificate, and a TLS configuration that trusts the server but has no key store:
 * one ERROR, that says a client certificate is wanted and which key store property gives one.
 */
class ClientCertificateMissingTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Anonymous.class, TlsWireMock.class, SharedWireMock.class,
                    PollAnswers.class, LogMessages.class))
            // the workers' polls are what is told here; the registration's own WARN: RegistrationOverAnUntrustedCertificateTest
            .overrideConfigKey("quarkus.conductor.registration.mode", "none")
            .overrideConfigKey("quarkus.conductor.server-url", TlsWireMock.apiUrl(TlsWireMock.Kind.MUTUAL_TLS))
            .overrideConfigKey("quarkus.conductor.tls-configuration-name", "gateway")
            .overrideConfigKey("quarkus.tls.gateway.trust-store.pem.certs", TlsWireMock.pem("conductor-ca.crt").toString())
            .overrideConfigKey("quarkus.conductor.retry.initial-backoff", "10ms")
            .overrideConfigKey("quarkus.conductor.retry.max-backoff", "40ms")
            // every logger: Vert.x, too, must not log the failure on its own
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
            .assertLogRecords(ClientCertificateMissingTest::oneErrorNamingTheKeyStore);

    @Inject
    WorkerPollers pollers;

    @Test
    void pollingGoesOn() {
        await().atMost(Duration.ofSeconds(20)).until(() -> pollers.stats("anonymous").polls() >= 5);
    }

    private static void oneErrorNamingTheKeyStore(List<LogRecord> records) {
        List<LogRecord> problems = records.stream()
                .filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(problems).extracting(LogMessages::text).hasSize(1);
        assertThat(problems.get(0).getLevel()).isEqualTo(Level.SEVERE);
        assertThat(LogMessages.text(problems.get(0)))
                .contains("the server requires a client certificate, or refused the one it got")
                .contains("No client certificate is sent: add a key store to the TLS configuration named by"
                        + " quarkus.conductor.tls-configuration-name")
                .contains("quarkus.tls.\"gateway\".key-store.pem.worker.cert=worker.crt");
    }

    static class Anonymous {
        @ConductorWorker("anonymous")
        void anonymous() {
        }
    }
}

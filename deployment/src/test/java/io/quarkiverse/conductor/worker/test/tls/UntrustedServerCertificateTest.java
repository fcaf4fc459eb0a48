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
 * A server whose certificate a private CA signed, and no TLS configuration: the JVM does not trust it. That is told
 * once, at ERROR, for all the workers, with the certificate problem and the property to set; it is no outage, so there
 * is no outage WARN; polling goes on with back-off (a reloaded trust store or a new certificate may fix it).
 */
class UntrustedServerCertificateTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, TlsWireMock.class, SharedWireMock.class,
                    PollAnswers.class, LogMessages.class))
            // the workers' polls are what is told here; the registration's own WARN: RegistrationOverAnUntrustedCertificateTest
            .overrideConfigKey("quarkus.conductor.registration.mode", "none")
            .overrideConfigKey("quarkus.conductor.server-url", TlsWireMock.apiUrl(TlsWireMock.Kind.TLS))
            .overrideConfigKey("quarkus.conductor.retry.initial-backoff", "10ms")
            .overrideConfigKey("quarkus.conductor.retry.max-backoff", "40ms")
            // every logger: Vert.x, too, must not log the failure on its own
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
            .assertLogRecords(UntrustedServerCertificateTest::oneErrorNamingTheProperty);

    @Inject
    WorkerPollers pollers;

    @Test
    void everyWorkerKeepsRetrying() {
        await().atMost(Duration.ofSeconds(20)).until(
                () -> pollers.stats("first").polls() >= 5 && pollers.stats("second").polls() >= 5);
    }

    private static void oneErrorNamingTheProperty(List<LogRecord> records) {
        List<LogRecord> problems = records.stream()
                .filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(problems).hasSize(1);
        LogRecord error = problems.get(0);
        assertThat(error.getLevel()).isEqualTo(Level.SEVERE);
        assertThat(error.getThrown()).isNull();
        assertThat(LogMessages.text(error))
                .startsWith("Cannot connect to the Conductor server at " + TlsWireMock.apiUrl(TlsWireMock.Kind.TLS))
                .contains("the server's certificate is not trusted (unable to find valid certification path to requested"
                        + " target)")
                .contains("quarkus.conductor.tls-configuration-name=conductor",
                        "quarkus.tls.conductor.trust-store.pem.certs=");
    }

    static class Workers {
        @ConductorWorker("first")
        void first() {
        }

        @ConductorWorker("second")
        void second() {
        }
    }
}

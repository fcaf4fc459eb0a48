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
 * Hostname verification is on: the server's certificate is trusted but issued for {@code localhost} only, and the URL
 * names {@code 127.0.0.1}. One ERROR says the certificate is for another name, and what to change.
 */
class HostnameMismatchTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Elsewhere.class, TlsWireMock.class, SharedWireMock.class,
                    PollAnswers.class, LogMessages.class))
            // the workers' polls are what is told here; the registration's own WARN: RegistrationOverAnUntrustedCertificateTest
            .overrideConfigKey("quarkus.conductor.registration.mode", "none")
            .overrideConfigKey("quarkus.conductor.server-url",
                    "https://127.0.0.1:" + TlsWireMock.httpsPort(TlsWireMock.Kind.TLS) + "/api")
            .overrideConfigKey("quarkus.conductor.tls-configuration-name", "conductor")
            .overrideConfigKey("quarkus.tls.conductor.trust-store.pem.certs", TlsWireMock.pem("conductor-ca.crt").toString())
            .overrideConfigKey("quarkus.conductor.retry.initial-backoff", "10ms")
            .overrideConfigKey("quarkus.conductor.retry.max-backoff", "40ms")
            // every logger: Vert.x, too, must not log the failure on its own
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
            .assertLogRecords(HostnameMismatchTest::oneErrorNamingTheHostName);

    @Inject
    WorkerPollers pollers;

    @Test
    void pollingGoesOn() {
        await().atMost(Duration.ofSeconds(20)).until(() -> pollers.stats("elsewhere").polls() >= 5);
    }

    private static void oneErrorNamingTheHostName(List<LogRecord> records) {
        List<LogRecord> problems = records.stream()
                .filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(problems).extracting(LogMessages::text).hasSize(1);
        assertThat(problems.get(0).getLevel()).isEqualTo(Level.SEVERE);
        assertThat(LogMessages.text(problems.get(0)))
                .contains("the server's certificate is issued for another host name (No subject alternative names"
                        + " matching IP address 127.0.0.1 found)")
                .contains("Use a host name the certificate holds in quarkus.conductor.server-url");
    }

    static class Elsewhere {
        @ConductorWorker("elsewhere")
        void elsewhere() {
        }
    }
}

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
import io.quarkiverse.conductor.worker.runtime.definitions.DefinitionRegistrar;
import io.quarkiverse.conductor.worker.runtime.definitions.Registration;
import io.quarkiverse.conductor.worker.runtime.poll.WorkerPollers;
import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkiverse.conductor.worker.test.TlsWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The definitions' registration meets the certificate problem the workers meet (a server the JVM does not trust): it
 * goes on the workers' connection, so it says once, at WARN, what is wrong, and tries again in the background without a
 * word per attempt. No ERROR of Vert.x's own per retry, as the REST client it used before logged.
 */
class RegistrationOverAnUntrustedCertificateTest {

    private static final String REGISTRAR = DefinitionRegistrar.class.getName();

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, TlsWireMock.class, SharedWireMock.class,
                    PollAnswers.class, LogMessages.class))
            .overrideConfigKey("quarkus.conductor.registration.mode", "upsert")
            .overrideConfigKey("quarkus.conductor.server-url", TlsWireMock.apiUrl(TlsWireMock.Kind.TLS))
            .overrideConfigKey("quarkus.conductor.retry.initial-backoff", "10ms")
            .overrideConfigKey("quarkus.conductor.retry.max-backoff", "40ms")
            // the registrar's quiet retries are counted
            .overrideConfigKey("quarkus.log.category.\"" + REGISTRAR + "\".level", "DEBUG")
            // every logger at WARN and above: Vert.x, too, must not log the failure on its own
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.WARNING.intValue()
                    || REGISTRAR.equals(record.getLoggerName()))
            .assertLogRecords(RegistrationOverAnUntrustedCertificateTest::oneWarningForTheRegistration);

    @Inject
    DefinitionRegistrar registrar;

    @Inject
    WorkerPollers pollers;

    @Test
    void theRegistrationIsTriedAgainInTheBackground() {
        // the registration retries with the same back-off as the polls
        await().atMost(Duration.ofSeconds(20)).until(() -> pollers.stats("certified").polls() >= 12);
        assertThat(registrar.registrations()).extracting(Registration::status)
                .containsExactly(Registration.Status.PENDING);
    }

    private static void oneWarningForTheRegistration(List<LogRecord> records) {
        List<LogRecord> problems = records.stream()
                .filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(problems).extracting(LogRecord::getLoggerName)
                .containsExactlyInAnyOrder(REGISTRAR, "io.quarkiverse.conductor.worker.runtime.poll.ServerAvailability");
        LogRecord warning = problems.stream().filter(record -> REGISTRAR.equals(record.getLoggerName())).findFirst()
                .orElseThrow();
        assertThat(warning.getLevel()).isEqualTo(Level.WARNING);
        assertThat(warning.getThrown()).isNull();
        assertThat(LogMessages.text(warning))
                .startsWith("Could not register task definition 'certified'")
                .contains("the server's certificate is not trusted (unable to find valid certification path to requested"
                        + " target)")
                .contains("quarkus.conductor.tls-configuration-name=conductor")
                .contains("tried again in the background");
        assertThat(records).filteredOn(record -> LogMessages.text(record).startsWith("Still cannot register"))
                .hasSizeGreaterThanOrEqualTo(3);
    }

    static class Workers {
        @ConductorWorker("certified")
        void certified() {
        }
    }
}

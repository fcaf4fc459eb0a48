package io.quarkiverse.conductor.worker.test.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
import io.quarkus.test.QuarkusUnitTest;

/**
 * A server that is down gives one WARN, without a stack trace and without the credentials of the URL, then quiet
 * back-off, however many workers poll it.
 */
class ServerDownLogsOnceTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class))
            .overrideConfigKey("quarkus.conductor.server-url", "http://admin:s3cret@localhost:" + closedPort() + "/api")
            .overrideConfigKey("quarkus.conductor.retry.initial-backoff", "10ms")
            .overrideConfigKey("quarkus.conductor.retry.max-backoff", "40ms")
            // the registration of the definitions has its own WARN (RegistrationRetriedInBackgroundTest)
            .overrideConfigKey("quarkus.conductor.registration.mode", "none")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.conductor"))
            .assertLogRecords(ServerDownLogsOnceTest::oneWarningWithoutSecrets);

    @Inject
    WorkerPollers pollers;

    @Test
    void everyWorkerKeepsRetrying() {
        await().atMost(Duration.ofSeconds(20)).until(
                () -> pollers.stats("first").polls() >= 5 && pollers.stats("second").polls() >= 5);
    }

    private static void oneWarningWithoutSecrets(List<LogRecord> records) {
        List<LogRecord> warnings = records.stream().filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .toList();
        assertThat(warnings).hasSize(1);
        LogRecord warning = warnings.get(0);
        assertThat(warning.getThrown()).isNull();
        assertThat(LogMessages.text(warning)).startsWith("Requests to the Conductor server at http://localhost:");
        assertThat(records).extracting(LogMessages::text).allSatisfy(text -> assertThat(text).doesNotContain("s3cret"));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

package io.quarkiverse.conductor.worker.test.startup;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The application's own start-up code fails after the workers began polling: the start fails, and the polls stop with
 * it (a failed start fires no {@code ShutdownEvent}; the pollers kept polling on a closed HTTP client, an ERROR each
 * time).
 */
class StartFailingAfterThePollsBeganStopsThemTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Worker.class, FailingStart.class, SharedWireMock.class,
                    PollAnswers.class, LogMessages.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.retry.initial-backoff", "10ms")
            .assertException(failure -> assertThat(failure).hasStackTraceContaining("the application cannot start"))
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.conductor"))
            .assertLogRecords(records -> assertThat(records).extracting(LogMessages::text)
                    .anyMatch(text -> text.startsWith("Polling never_run"))
                    .noneMatch(text -> text.contains("failure polling for never_run")));

    @Test
    void theStartFails() {
        Assertions.fail("the application started");
    }

    static class FailingStart {
        void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent event) {
            throw new IllegalStateException("the application cannot start");
        }
    }

    static class Worker {
        @ConductorWorker("never_run")
        void neverRun() {
        }
    }
}

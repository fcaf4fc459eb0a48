package io.quarkiverse.conductor.worker.test.startup;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Singleton;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The application's mapper is made at start-up after the first polls, not at the first task: a customizer that throws
 * still fails the start, with its own exception, instead of failing every task later.
 */
class MapperCustomizerThatThrowsFailsTheStartTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Worker.class, Broken.class, SharedWireMock.class,
                    PollAnswers.class, LogMessages.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.retry.initial-backoff", "10ms")
            .assertException(failure -> assertThat(failure).hasStackTraceContaining("the customizer is broken"))
            // the polls sent before the mapper was made stop with the start: none goes on for an application not there
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.conductor"))
            .assertLogRecords(records -> assertThat(records).extracting(LogMessages::text)
                    .noneMatch(text -> text.contains("polling for never_run")));

    @Test
    void theStartFails() {
        Assertions.fail("the application started");
    }

    @Singleton
    static class Broken implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            throw new IllegalStateException("the customizer is broken");
        }
    }

    static class Worker {
        @ConductorWorker("never_run")
        void neverRun() {
        }
    }
}

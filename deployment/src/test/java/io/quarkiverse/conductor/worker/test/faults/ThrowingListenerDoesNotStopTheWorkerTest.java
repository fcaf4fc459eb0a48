package io.quarkiverse.conductor.worker.test.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.runtime.poll.WorkerEvents;
import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An exception thrown in the middle of the poller's callbacks (here by a listener of every worker event, the way a bug
 * would) neither loses a task nor a slot: with one slot, ten tasks in a row are run and reported, and the failure is
 * logged once.
 */
class ThrowingListenerDoesNotStopTheWorkerTest {

    private static final int TASKS = 10;

    static final WireMock wiremock = SharedWireMock.forTestClass(ThrowingListenerDoesNotStopTheWorkerTest.class,
            stubs -> {
                List<Map<String, Object>> answers = new ArrayList<>();
                for (int i = 1; i <= TASKS; i++) {
                    answers.add(PollAnswers.tasks("[" + SharedWireMock.task("t-" + i, "steady", "{}") + "]"));
                }
                answers.add(PollAnswers.tasks("[]"));
                SharedWireMock.pollsAnswer(stubs, "steady", answers);
            });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Steady.class, Throwing.class, SharedWireMock.class,
                    PollAnswers.class, LogMessages.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.WARNING.intValue()
                    && record.getLoggerName().startsWith("io.quarkiverse.conductor"))
            .assertLogRecords(ThrowingListenerDoesNotStopTheWorkerTest::failureLoggedOnce);

    @Test
    void everyTaskRunsAndReportsThroughTheOnlySlot() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (int i = 1; i <= TASKS; i++) {
                wiremock.verifyThat(1, postRequestedFor(urlEqualTo("/api/tasks"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-" + i))));
            }
        });
        assertThat(Steady.EXECUTED).hasValue(TASKS);
        assertThat(Throwing.CALLS.get()).isGreaterThan(3 * TASKS);
    }

    private static void failureLoggedOnce(List<LogRecord> records) {
        assertThat(records).extracting(LogMessages::text).singleElement().asString()
                .endsWith("Throwing failed on a worker event; its later failures are not logged");
    }

    static class Steady {
        static final AtomicInteger EXECUTED = new AtomicInteger();

        @ConductorWorker(value = "steady", concurrency = 1)
        void steady() {
            EXECUTED.incrementAndGet();
        }
    }

    @Singleton
    static class Throwing implements WorkerEvents {
        static final AtomicInteger CALLS = new AtomicInteger();

        private RuntimeException bug() {
            CALLS.incrementAndGet();
            return new IllegalStateException("a bug in a listener");
        }

        @Override
        public void polled(String taskType, PollKind kind, int received, long nanos) {
            throw bug();
        }

        @Override
        public void executionStarted(Task task) {
            throw bug();
        }

        @Override
        public void executed(Task task, TaskResult result, Throwable failure, long nanos) {
            throw bug();
        }

        @Override
        public void reported(Task task, TaskResult result, int bytes, long nanos) {
            throw bug();
        }
    }
}

package io.quarkiverse.conductor.worker.test.invocation;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * While a worker method runs, and in the lines the extension logs about its task, the MDC holds the task's id, its
 * workflow's id, its type and its correlation id: for a blocking method, for a {@code Uni} and a
 * {@code CompletionStage} method, also in what they log once their result comes back on the event loop; and nothing
 * of it is left behind afterwards.
 */
class TaskInLogContextTest {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.conductor.test.mdc");

    private static String task(String id, String type) {
        return SharedWireMock.task(id, type, "{}").replace("\"pollCount\"", "\"correlationId\": \"order-" + id
                + "\", \"pollCount\"");
    }

    static final WireMock wiremock = SharedWireMock.forTestClass(TaskInLogContextTest.class, stubs -> {
        SharedWireMock.pollOnceReturns(stubs, "blocking", "[" + task("t-blocking", "blocking") + "]");
        SharedWireMock.pollOnceReturns(stubs, "reactive", "[" + task("t-reactive", "reactive") + "]");
        SharedWireMock.pollOnceReturns(stubs, "staged", "[" + task("t-staged", "staged") + "]");
        SharedWireMock.pollOnceReturns(stubs, "failing", "[" + task("t-failing", "failing") + "]");
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, SharedWireMock.class, PollAnswers.class,
                    LogMessages.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            // a record reads the MDC when asked, unless it was copied: copy it as it is published, on the logging thread
            .setLogRecordPredicate(record -> {
                ((ExtLogRecord) record).copyMdc();
                return record.getLoggerName().startsWith("io.quarkiverse.conductor");
            })
            .assertLogRecords(TaskInLogContextTest::everyLineAboutATaskCarriesIt);

    @Test
    void tasksRun() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String taskId : List.of("t-blocking", "t-reactive", "t-staged", "t-failing")) {
                wiremock.verifyThat(1, postRequestedFor(urlEqualTo("/api/tasks"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo(taskId))));
            }
        });
        LOG.info("after the tasks");
    }

    private static void everyLineAboutATaskCarriesIt(List<LogRecord> records) {
        Map<String, String> expected = Map.of("blocking", "t-blocking", "reactive, before", "t-reactive",
                "reactive, later", "t-reactive", "staged, later", "t-staged", "failed, the server may retry it",
                "t-failing");
        expected.forEach((line, taskId) -> assertThat(records).as(line).anySatisfy(record -> {
            assertThat(LogMessages.text(record)).contains(line);
            ExtLogRecord logged = (ExtLogRecord) record;
            assertThat(logged.getMdc("taskId")).isEqualTo(taskId);
            assertThat(logged.getMdc("workflowInstanceId")).isEqualTo("wf-" + taskId);
            assertThat(logged.getMdc("taskType")).isNotBlank();
            assertThat(logged.getMdc("correlationId")).isEqualTo("order-" + taskId);
        }));
        // nothing of it is left on a thread once the task is done: a line about something else carries none
        assertThat(records).filteredOn(record -> LogMessages.text(record).equals("after the tasks")).singleElement()
                .satisfies(record -> assertThat(((ExtLogRecord) record).getMdc("taskId")).isNull());
        assertThat(records).filteredOn(record -> LogMessages.text(record).startsWith("Polling "))
                .allSatisfy(record -> assertThat(((ExtLogRecord) record).getMdc("taskId")).isNull());
    }

    static class Workers {

        @Inject
        Vertx vertx;

        @ConductorWorker("blocking")
        void blocking() {
            LOG.info("blocking");
        }

        @ConductorWorker("reactive")
        Uni<String> reactive() {
            LOG.info("reactive, before");
            // completed later, on the event loop, from a timer set on the method's own context
            return Uni.createFrom().emitter(emitter -> vertx.setTimer(20, id -> {
                LOG.info("reactive, later");
                emitter.complete("done");
            }));
        }

        @ConductorWorker("staged")
        CompletionStage<String> staged() {
            CompletableFuture<String> result = new CompletableFuture<>();
            vertx.setTimer(20, id -> {
                LOG.info("staged, later");
                result.complete("done");
            });
            return result;
        }

        @ConductorWorker("failing")
        void failing() {
            throw new IllegalStateException("no luck");
        }
    }
}

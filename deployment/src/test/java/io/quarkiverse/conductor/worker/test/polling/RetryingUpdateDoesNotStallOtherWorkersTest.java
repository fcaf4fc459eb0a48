package io.quarkiverse.conductor.worker.test.polling;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * While the server keeps refusing one worker's result, and the worker keeps sending it with back-off, another worker
 * polls, runs and reports its tasks as usual.
 */
class RetryingUpdateDoesNotStallOtherWorkersTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(RetryingUpdateDoesNotStallOtherWorkersTest.class,
            stubs -> {
                SharedWireMock.pollOnceReturns(stubs, "refused", "[" + SharedWireMock.task("t-refused", "refused", "{}")
                        + "]");
                // the result of t-refused is never taken, whichever way it is sent
                stubs.register(post(urlEqualTo("/api/tasks")).atPriority(1)
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-refused")))
                        .willReturn(aResponse().withStatus(503)));
            });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, SharedWireMock.class, PollAnswers.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            // the refused result is sent again and again for the whole test
            .overrideConfigKey("quarkus.conductor.retry.initial-backoff", "200ms")
            .overrideConfigKey("quarkus.conductor.retry.max-backoff", "200ms")
            .overrideConfigKey("quarkus.conductor.shutdown-grace-period", "1s")
            .setLogRecordPredicate(record -> record.getLoggerName().endsWith("ServerAvailability")
                    && record.getLevel().intValue() >= Level.INFO.intValue())
            // checked once the application has stopped
            .assertLogRecords(RetryingUpdateDoesNotStallOtherWorkersTest::operatorsWereToldOnce);

    @Test
    void otherWorkerReportsItsTasksWhileARefusedResultIsRetried() {
        // the refused result has been tried and is being retried...
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(wiremock.find(
                postRequestedFor(urlEqualTo("/api/tasks"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-refused")))))
                .hasSizeGreaterThan(1));
        // ...when the other worker's tasks are queued: they are polled, run and reported all the same
        SharedWireMock.pollsAnswer(wiremock, "flowing", List.of(
                PollAnswers.tasks("[" + SharedWireMock.task("t-1", "flowing", "{}") + "]"),
                PollAnswers.tasks("[" + SharedWireMock.task("t-2", "flowing", "{}") + "]"),
                PollAnswers.tasks("[" + SharedWireMock.task("t-3", "flowing", "{}") + "]"),
                PollAnswers.tasks("[]")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String taskId : List.of("t-1", "t-2", "t-3")) {
                wiremock.verifyThat(1, postRequestedFor(urlEqualTo("/api/tasks"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo(taskId))));
            }
        });
        // and the refused one is still being sent: the retries went on alongside
        int sentSoFar = wiremock.find(postRequestedFor(urlEqualTo("/api/tasks"))
                .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-refused")))).size();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(wiremock.find(
                postRequestedFor(urlEqualTo("/api/tasks"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-refused")))))
                .hasSizeGreaterThan(
                        sentSoFar));
    }

    /**
     * Each retry fails and each result of the other worker succeeds, for seconds: operators still read one WARN, and
     * one INFO when a request gets through again, not a pair per retry.
     */
    private static void operatorsWereToldOnce(List<LogRecord> records) {
        // JBoss log records carry their own Level instances: compare values
        assertThat(records).filteredOn(record -> record.getLevel().intValue() == Level.WARNING.intValue())
                .hasSize(1);
        assertThat(records).filteredOn(record -> record.getLevel().intValue() == Level.INFO.intValue())
                .hasSizeLessThanOrEqualTo(1);
    }

    static class Workers {
        @ConductorWorker("refused")
        String refused() {
            return "never taken";
        }

        @ConductorWorker("flowing")
        String flowing() {
            return "done";
        }
    }
}

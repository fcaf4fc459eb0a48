package io.quarkiverse.conductor.worker.test.polling;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.runtime.poll.WorkerPollers;
import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A result the server keeps failing to take is sent again until the task's own response timeout has passed (after
 * that the server times the task out and hands it out again), then given up with an ERROR that names the task, its
 * workflow and why.
 */
class ResultGivenUpAfterResponseTimeoutTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(ResultGivenUpAfterResponseTimeoutTest.class, stubs -> {
        SharedWireMock.pollOnceReturns(stubs, "doomed", "[" + SharedWireMock.task("t-lost", "doomed", "{}")
                .replace("\"pollCount\"", "\"responseTimeoutSeconds\": 2, \"pollCount\"") + "]");
        stubs.register(post(urlEqualTo("/api/tasks")).atPriority(1).willReturn(aResponse().withStatus(503)));
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Doomed.class, SharedWireMock.class, LogMessages.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            .overrideConfigKey("quarkus.conductor.retry.initial-backoff", "50ms")
            .overrideConfigKey("quarkus.conductor.retry.max-backoff", "200ms")
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.SEVERE.intValue())
            .assertLogRecords(ResultGivenUpAfterResponseTimeoutTest::errorNamesTheTaskAndWhy);

    @Inject
    WorkerPollers pollers;

    @Test
    void resultIsSentUntilTheResponseTimeoutHasPassed() {
        await().atMost(Duration.ofSeconds(10)).until(() -> pollers.stats("doomed").resultsGivenUp() == 1);
        int attempts = wiremock.find(postRequestedFor(urlEqualTo("/api/tasks"))).size();
        // 2 s of back-off from 50 ms up to 200 ms: some ten attempts
        assertThat(attempts).isBetween(5, 40);
        // and none after it was given up
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                .until(() -> wiremock.find(postRequestedFor(urlEqualTo("/api/tasks"))).size() == attempts);
    }

    private static void errorNamesTheTaskAndWhy(List<LogRecord> records) {
        assertThat(records).extracting(LogMessages::text).singleElement().satisfies(message -> assertThat(message)
                .startsWith("The COMPLETED result of task t-lost (doomed, workflow wf-t-lost) could not be sent: its"
                        + " response timeout (2 s) passed after")
                .contains("(last attempt: HTTP 503: "));
    }

    static class Doomed {
        @ConductorWorker("doomed")
        void doomed() {
        }
    }
}

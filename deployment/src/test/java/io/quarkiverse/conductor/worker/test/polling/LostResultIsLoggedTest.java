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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A result that cannot be sent after all attempts is logged at ERROR with its task and workflow ids.
 */
class LostResultIsLoggedTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(LostResultIsLoggedTest.class, stubs -> {
        SharedWireMock.pollOnceReturns(stubs, "doomed", "[" + SharedWireMock.task("t-lost", "doomed", "{}") + "]");
        stubs.register(post(urlEqualTo("/api/tasks/update-v2")).atPriority(1).willReturn(aResponse().withStatus(500)));
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Doomed.class, SharedWireMock.class, LogMessages.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            .overrideConfigKey("quarkus.conductor.retry.initial-backoff", "10ms")
            .overrideConfigKey("quarkus.conductor.retry.update-attempts", "3")
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.SEVERE.intValue())
            .assertLogRecords(LostResultIsLoggedTest::errorNamesTheTask);

    @Test
    void resultIsSentTheConfiguredNumberOfTimes() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> wiremock.verifyThat(3, postRequestedFor(urlEqualTo("/api/tasks/update-v2"))));
    }

    private static void errorNamesTheTask(List<LogRecord> records) {
        assertThat(records).extracting(LogMessages::text).anySatisfy(message -> assertThat(message)
                .contains("The result of task t-lost (doomed, workflow wf-t-lost), COMPLETED, could not be sent: HTTP 500"));
    }

    static class Doomed {
        @ConductorWorker("doomed")
        void doomed() {
        }
    }
}

package io.quarkiverse.conductor.worker.test.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A token endpoint that fails more often than the Java SDK tolerates (it calls {@code System.exit(1)} after 5 failures):
 * the token is asked for again with back-off until it comes, the application keeps running (an exit would end the test
 * JVM), and the work goes on with it. One WARN when it starts failing, one INFO when it works again.
 */
class TokenEndpointUnavailableTest {

    private static final int FAILURES = 7;

    static final WireMock wiremock = SharedWireMock.forTestClass(TokenEndpointUnavailableTest.class, stubs -> {
        String state = Scenario.STARTED;
        for (int i = 1; i <= FAILURES; i++) {
            stubs.register(post(urlEqualTo("/api/token")).atPriority(1).inScenario("token endpoint")
                    .whenScenarioStateIs(state).willSetStateTo("failed " + i)
                    .willReturn(aResponse().withStatus(503).withBody("{\"message\": \"unavailable\"}")));
            state = "failed " + i;
        }
        stubs.register(post(urlEqualTo("/api/token")).atPriority(1).inScenario("token endpoint")
                .whenScenarioStateIs(state).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("{\"token\": \"late-token\"}")));
        // the task is there for a poll with the token only; others get the idle server's empty answer
        stubs.register(get(urlPathEqualTo("/api/tasks/poll/batch/patient")).atPriority(1)
                .withHeader("X-Authorization", equalTo("late-token"))
                .inScenario("task").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("taken")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("[" + SharedWireMock.task("t-1", "patient", "{}") + "]")));
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Patient.class, SharedWireMock.class, PollAnswers.class,
                    LogMessages.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.auth.key-id", "app-key")
            .overrideConfigKey("quarkus.conductor.auth.key-secret", "app-secret")
            .overrideConfigKey("quarkus.conductor.retry.initial-backoff", "20ms")
            .overrideConfigKey("quarkus.conductor.retry.max-backoff", "200ms")
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.conductor"))
            .assertLogRecords(TokenEndpointUnavailableTest::oneWarningThenOneRecovery);

    @Test
    void tokenComesAfterRetriesAndTheWorkGoesOn() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/tasks"))
                        .withHeader("X-Authorization", equalTo("late-token"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-1")))));

        wiremock.verifyThat(FAILURES + 1, postRequestedFor(urlEqualTo("/api/token")));
    }

    private static void oneWarningThenOneRecovery(List<LogRecord> records) {
        assertThat(records).filteredOn(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(LogMessages::text).singleElement().asString()
                .startsWith("Cannot obtain an access token for key app-key:")
                .contains("tried again with back-off")
                .doesNotContain("app-secret");
        assertThat(records).extracting(LogMessages::text)
                .filteredOn(text -> text.startsWith("Obtained an access token for key app-key again")).hasSize(1);
    }

    static class Patient {
        @ConductorWorker("patient")
        void patient() {
        }
    }
}

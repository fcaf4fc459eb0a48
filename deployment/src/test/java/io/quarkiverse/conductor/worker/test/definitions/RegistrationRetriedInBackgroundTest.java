package io.quarkiverse.conductor.worker.test.definitions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A server that cannot take the definitions at start-up does not stop the application: it starts, its workers poll, one
 * WARN says what is not registered and why, and the registration is tried again with back-off until it works.
 */
class RegistrationRetriedInBackgroundTest {

    private static final int FAILURES = 4;

    static final WireMock wiremock = SharedWireMock.forTestClass(RegistrationRetriedInBackgroundTest.class, stubs -> {
        // the first reads of the definition get 503, then the server has none
        String state = Scenario.STARTED;
        for (int failure = 1; failure <= FAILURES; failure++) {
            String next = "failed " + failure;
            stubs.register(get(urlPathEqualTo("/api/metadata/taskdefs/greet")).atPriority(1)
                    .inScenario("outage").whenScenarioStateIs(state).willSetStateTo(next)
                    .willReturn(aResponse().withStatus(503).withBody("{\"message\": \"starting up\"}")));
            state = next;
        }
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class, SharedWireMock.class, LogMessages.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.retry.initial-backoff", "100ms")
            .overrideConfigKey("quarkus.conductor.retry.max-backoff", "200ms")
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.conductor"))
            .assertLogRecords(RegistrationRetriedInBackgroundTest::oneWarningThenRegistered);

    @Test
    void workersPollWhileTheRegistrationIsRetried() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                wiremock.find(postRequestedFor(urlEqualTo("/api/metadata/taskdefs")))).hasSize(1));

        assertThat(wiremock.find(getRequestedFor(urlPathEqualTo("/api/metadata/taskdefs/greet"))))
                .hasSize(FAILURES + 1);
        Date registered = wiremock.find(postRequestedFor(urlEqualTo("/api/metadata/taskdefs"))).get(0).getLoggedDate();
        List<LoggedRequest> polls = wiremock.find(getRequestedFor(urlPathMatching("/api/tasks/poll/batch/greet")));
        assertThat(polls).anySatisfy(poll -> assertThat(poll.getLoggedDate()).isBefore(registered));
    }

    private static void oneWarningThenRegistered(List<LogRecord> records) {
        List<String> warnings = records.stream().filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogMessages::text).toList();
        assertThat(warnings).containsExactly("Could not register task definition 'greet' with the Conductor server at "
                + SharedWireMock.apiUrl() + " (HTTP 503: starting up); the registration is tried again in the background"
                + " with back-off, and the workers poll meanwhile");
        assertThat(records).extracting(LogMessages::text)
                .contains("Conductor task definition 'greet': created",
                        "Registered the Conductor definitions left after " + FAILURES + " failed attempts");
    }
}

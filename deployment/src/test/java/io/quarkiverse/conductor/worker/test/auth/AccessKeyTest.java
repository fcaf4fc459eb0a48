package io.quarkiverse.conductor.worker.test.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With an application access key (the SDKs' CONDUCTOR_AUTH_KEY and CONDUCTOR_AUTH_SECRET), every request carries a
 * token obtained with the key; a token the server refuses is renewed, and the refused request goes through again. The
 * secret never reaches the logs.
 */
class AccessKeyTest {

    private static final String SECRET = "s3cr3t-value";

    static final WireMock wiremock = SharedWireMock.forTestClass(AccessKeyTest.class, stubs -> {
        // the key buys "token-1", then "token-2"
        for (String[] step : new String[][] { { Scenario.STARTED, "token-1", "renewed" }, { "renewed", "token-2", "done" } }) {
            stubs.register(post(urlEqualTo("/api/token")).atPriority(1)
                    .withRequestBody(equalToJson("{\"keyId\": \"app-key\", \"keySecret\": \"" + SECRET + "\"}"))
                    .inScenario("tokens").whenScenarioStateIs(step[0]).willSetStateTo(step[2])
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"token\": \"" + step[1] + "\"}")));
        }
        // the server has expired token-1 and takes token-2 only (of stubs of equal priority, the last one added wins)
        SharedWireMock.pollOnceReturns(stubs, "secure", "[" + SharedWireMock.task("t-1", "secure", "{}") + "]");
        stubs.register(get(urlPathEqualTo("/api/tasks/poll/batch/secure")).atPriority(1)
                .withHeader("X-Authorization", WireMock.notMatching("token-2"))
                .willReturn(aResponse().withStatus(401)));
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Secure.class, SharedWireMock.class, LogMessages.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("CONDUCTOR_AUTH_KEY", "app-key")
            .overrideConfigKey("CONDUCTOR_AUTH_SECRET", SECRET)
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            .overrideConfigKey("quarkus.conductor.retry.initial-backoff", "10ms")
            // everything the extension and the REST client log, down to DEBUG, requests and answers included
            .overrideConfigKey("quarkus.log.category.\"io.quarkiverse.conductor\".level", "DEBUG")
            .overrideConfigKey("quarkus.log.category.\"org.jboss.resteasy.reactive.client.logging\".level", "DEBUG")
            .overrideConfigKey("quarkus.rest-client.logging.scope", "request-response")
            .overrideConfigKey("quarkus.log.min-level", "DEBUG")
            .setLogRecordPredicate(record -> true)
            .assertLogRecords(AccessKeyTest::neitherSecretNorTokenIsEverLogged);

    @Test
    void refusedTokenIsRenewedAndTheWorkGoesOn() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> wiremock.verifyThat(
                postRequestedFor(urlEqualTo("/api/tasks"))
                        .withHeader("X-Authorization", equalTo("token-2"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-1")))));

        wiremock.verifyThat(getRequestedFor(urlPathEqualTo("/api/tasks/poll/batch/secure"))
                .withHeader("X-Authorization", equalTo("token-1")));
        wiremock.verifyThat(0, getRequestedFor(urlPathEqualTo("/api/tasks/poll/batch/secure"))
                .withHeader("X-Authorization", absent()));
        wiremock.verifyThat(2, postRequestedFor(urlEqualTo("/api/token")));
    }

    private static void neitherSecretNorTokenIsEverLogged(List<LogRecord> records) {
        // the check can only fail if requests were logged at all
        assertThat(records).extracting(LogMessages::text)
                .anySatisfy(text -> assertThat(text).contains("/api/tasks/poll/batch/secure"))
                .allSatisfy(text -> assertThat(text).doesNotContain(SECRET, "token-1", "token-2"));
        assertThat(records).filteredOn(record -> record.getThrown() != null).extracting(LogRecord::getThrown)
                .allSatisfy(thrown -> assertThat(String.valueOf(thrown)).doesNotContain(SECRET, "token-1", "token-2"));
    }

    static class Secure {
        @ConductorWorker("secure")
        void secure() {
        }
    }
}

package io.quarkiverse.conductor.worker.test.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * User info in the server URL ({@code http://user:password@host/api}, as a gateway before the server may want it) is
 * sent as Basic authentication on every request, the token request and the task API alike, its percent-escapes decoded;
 * the access token still goes in {@code X-Authorization}. Neither the password nor the header is ever logged, even with
 * every request logged at DEBUG.
 */
class ServerUrlUserInfoTest {

    /** {@code p@ss:wörd}, escaped as a URL wants it. */
    private static final String ESCAPED_PASSWORD = "p%40ss%3Aw%C3%B6rd";
    private static final String PASSWORD = "p@ss:wörd";
    private static final String BASIC = "Basic "
            + Base64.getEncoder().encodeToString(("gateway:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    static final WireMock wiremock = SharedWireMock.forTestClass(ServerUrlUserInfoTest.class, stubs -> {
        stubs.register(post(urlEqualTo("/api/token")).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"token\": \"gateway-token\"}")));
        SharedWireMock.pollOnceReturns(stubs, "gated", "[" + SharedWireMock.task("t-1", "gated", "{}") + "]");
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Gated.class, SharedWireMock.class, PollAnswers.class,
                    LogMessages.class))
            .overrideConfigKey("quarkus.conductor.server-url",
                    SharedWireMock.apiUrl().replace("http://", "http://gateway:" + ESCAPED_PASSWORD + "@"))
            .overrideConfigKey("quarkus.conductor.auth.key-id", "app-key")
            .overrideConfigKey("quarkus.conductor.auth.key-secret", "app-secret")
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            // everything the extension and the REST client log, down to DEBUG, requests and answers included
            .overrideConfigKey("quarkus.log.category.\"io.quarkiverse.conductor\".level", "DEBUG")
            .overrideConfigKey("quarkus.log.category.\"org.jboss.resteasy.reactive.client.logging\".level", "DEBUG")
            .overrideConfigKey("quarkus.rest-client.logging.scope", "request-response")
            .overrideConfigKey("quarkus.log.min-level", "DEBUG")
            .setLogRecordPredicate(record -> true)
            .assertLogRecords(ServerUrlUserInfoTest::credentialsNeverLogged);

    @Test
    void everyRequestCarriesTheUrlsCredentials() {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/tasks"))
                        .withHeader("Authorization", equalTo(BASIC))
                        .withHeader("X-Authorization", equalTo("gateway-token"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-1")))));

        List<LoggedRequest> requests = wiremock.find(anyRequestedFor(urlPathMatching("/api/.*")));
        assertThat(requests).extracting(LoggedRequest::getUrl)
                .anySatisfy(url -> assertThat(url).isEqualTo("/api/token"))
                .anySatisfy(url -> assertThat(url).startsWith("/api/tasks/poll/batch/gated"));
        assertThat(requests).allSatisfy(request -> assertThat(request.getHeader("Authorization"))
                .as("%s %s", request.getMethod(), request.getUrl()).isEqualTo(BASIC));
    }

    private static void credentialsNeverLogged(List<LogRecord> records) {
        // the check can only fail if requests were logged at all
        assertThat(records).extracting(LogMessages::text)
                .anySatisfy(text -> assertThat(text).contains("/api/tasks/poll/batch/gated"))
                .allSatisfy(text -> assertThat(text).doesNotContain(ESCAPED_PASSWORD, PASSWORD, BASIC.substring(6),
                        "gateway-token"));
        assertThat(records).filteredOn(record -> record.getThrown() != null).extracting(LogRecord::getThrown)
                .allSatisfy(thrown -> assertThat(String.valueOf(thrown)).doesNotContain(ESCAPED_PASSWORD, PASSWORD));
        // this machine: no warning about credentials in clear
        assertThat(records).filteredOn(record -> record.getLoggerName().startsWith("io.quarkiverse.conductor"))
                .filteredOn(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(LogMessages::text).isEmpty();
    }

    static class Gated {
        @ConductorWorker("gated")
        void gated() {
        }
    }
}

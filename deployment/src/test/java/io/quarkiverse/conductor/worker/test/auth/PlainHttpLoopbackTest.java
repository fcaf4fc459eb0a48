package io.quarkiverse.conductor.worker.test.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An access key with a plain {@code http://} server URL on this machine (a sidecar, a port-forward): nothing crosses a
 * network, and nothing is warned about. The URL is written as a loopback address, not {@code localhost}. The key is
 * configured as the production guide writes it.
 */
class PlainHttpLoopbackTest {

    /** The production guide's access key example, word for word. */
    static final String GUIDE = """
            quarkus.conductor.auth.key-id=${APP_KEY_ID}
            quarkus.conductor.auth.key-secret=${APP_KEY_SECRET}
            """;

    static final WireMock wiremock = SharedWireMock.forTestClass(PlainHttpLoopbackTest.class, stubs -> {
        stubs.register(post(urlEqualTo("/api/token")).atPriority(1)
                .withRequestBody(equalToJson("{\"keyId\": \"app-key\", \"keySecret\": \"local-secret\"}"))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("{\"token\": \"local-token\"}")));
        SharedWireMock.pollOnceReturns(stubs, "local", "[" + SharedWireMock.task("t-1", "local", "{}") + "]");
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Local.class, SharedWireMock.class, PollAnswers.class,
                    LogMessages.class).addAsResource(new StringAsset(GUIDE), "application.properties"))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl().replace("localhost", "127.0.0.1"))
            .overrideConfigKey("APP_KEY_ID", "app-key")
            .overrideConfigKey("APP_KEY_SECRET", "local-secret")
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.conductor"))
            .assertLogRecords(PlainHttpLoopbackTest::noWarning);

    @Test
    void tasksCompleteWithTheToken() {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/tasks"))
                        .withHeader("X-Authorization", equalTo("local-token"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-1")))));
    }

    private static void noWarning(List<LogRecord> records) {
        // the check means something only if the extension's records were captured at all
        assertThat(records).isNotEmpty();
        assertThat(records).filteredOn(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(LogMessages::text).isEmpty();
    }

    static class Local {
        @ConductorWorker("local")
        void local() {
        }
    }
}

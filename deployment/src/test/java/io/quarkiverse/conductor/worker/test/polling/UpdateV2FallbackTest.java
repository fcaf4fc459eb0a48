package io.quarkiverse.conductor.worker.test.polling;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A server without {@code POST /tasks/update-v2} answers 404: the result goes with {@code POST /tasks} instead, and
 * later results go there directly.
 */
class UpdateV2FallbackTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(UpdateV2FallbackTest.class, stubs -> {
        stubs.register(post(urlEqualTo("/api/tasks/update-v2")).atPriority(1).willReturn(aResponse().withStatus(404)));
        SharedWireMock.pollsAnswer(stubs, "echo", List.of(
                PollAnswers.tasks("[" + SharedWireMock.task("t-1", "echo", "{\"text\": \"one\"}") + "]"),
                PollAnswers.tasks("[" + SharedWireMock.task("t-2", "echo", "{\"text\": \"two\"}") + "]"),
                PollAnswers.tasks("[]")));
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Echo.class, SharedWireMock.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.concurrency", "1")
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms");

    @Test
    void resultsFallBackToPlainUpdateOnceV2IsFoundMissing() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/tasks"))
                    .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-1")))
                    .withRequestBody(matchingJsonPath("$.outputData.result", equalTo("one"))));
            wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/tasks"))
                    .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-2"))));
        });
        wiremock.verifyThat(1, postRequestedFor(urlEqualTo("/api/tasks/update-v2")));
        wiremock.verifyThat(1, postRequestedFor(urlEqualTo("/api/tasks/update-v2"))
                .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-1"))));
    }

    static class Echo {
        @ConductorWorker("echo")
        String echo(String text) {
            return text;
        }
    }
}

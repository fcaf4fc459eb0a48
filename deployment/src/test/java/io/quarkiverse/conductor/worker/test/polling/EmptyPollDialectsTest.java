package io.quarkiverse.conductor.worker.test.polling;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
 * Older servers answer an empty poll with {@code 204}, current ones with {@code 200 []}: both mean "no task", and the
 * worker keeps polling until a task comes.
 */
class EmptyPollDialectsTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(EmptyPollDialectsTest.class,
            stubs -> SharedWireMock.pollsAnswer(stubs, "greet", List.of(PollAnswers.noContent(), PollAnswers.tasks("[]"),
                    PollAnswers.tasks("[" + SharedWireMock.task("t-1", "greet", "{\"name\": \"Ada\"}") + "]"),
                    PollAnswers.tasks("[]"))));

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class, SharedWireMock.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms");

    @Test
    void noContentAndEmptyArrayAreBothEmptyPolls() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> wiremock.verifyThat(
                postRequestedFor(urlEqualTo("/api/tasks"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-1")))
                        .withRequestBody(matchingJsonPath("$.status", equalTo("COMPLETED")))
                        .withRequestBody(matchingJsonPath("$.outputData.result", equalTo("Hello, Ada")))));
        wiremock.verifyThat(moreThanOrExactly(3), getRequestedFor(urlPathEqualTo("/api/tasks/poll/batch/greet")));
    }

    static class Greeter {
        @ConductorWorker("greet")
        String greet(String name) {
            return "Hello, " + name;
        }
    }
}

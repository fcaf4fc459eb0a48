package io.quarkiverse.conductor.worker.test.startup;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Making the application's {@code ObjectMapper} loads most of Jackson, and the first poll does not need it: the workers
 * send their first polls, then make it while those are out. The customizer here only lets the start go on once the
 * server has seen a poll, so the application starts only in that order; the first task is then bound with the
 * customized mapper all the same.
 */
class FirstPollGoesOutBeforeTheApplicationMapperTest {

    private static final String POLL_PATH = "/api/tasks/poll/batch/early";

    static final WireMock wiremock = SharedWireMock.forTestClass(FirstPollGoesOutBeforeTheApplicationMapperTest.class,
            stubs -> SharedWireMock.pollOnceReturns(stubs, "early",
                    "[" + SharedWireMock.task("t-1", "early", "{\"order_id\": 7}") + "]"));

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Early.class, WaitsForTheFirstPoll.class, SharedWireMock.class,
                    PollAnswers.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms");

    @Test
    void theFirstTaskIsBoundWithTheCustomizedMapper() {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/tasks"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-1")))
                        .withRequestBody(matchingJsonPath("$.status", equalTo("COMPLETED")))
                        .withRequestBody(matchingJsonPath("$.outputData.order_id", equalTo("7")))));
    }

    @Singleton
    static class WaitsForTheFirstPoll implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            WireMock server = SharedWireMock.forTestClass(FirstPollGoesOutBeforeTheApplicationMapperTest.class,
                    stubs -> {
                    });
            // made before the first poll, the mapper waits here in vain and the start fails
            await("a poll sent before the application's ObjectMapper is made").atMost(Duration.ofSeconds(10))
                    .until(() -> !server.find(getRequestedFor(urlPathEqualTo(POLL_PATH))).isEmpty());
            mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        }
    }

    record Order(int orderId) {
    }

    static class Early {
        @ConductorWorker("early")
        Order early(Order order) {
            return order;
        }
    }
}

package io.quarkiverse.conductor.worker.test.polling;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A result the server fails to take is sent again, with back-off, until it gets through; the task runs once.
 */
class UpdateRetryTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(UpdateRetryTest.class, stubs -> {
        SharedWireMock.pollOnceReturns(stubs, "count", "[" + SharedWireMock.task("t-1", "count", "{}") + "]");
        stubs.register(post(urlEqualTo("/api/tasks")).atPriority(1)
                .inScenario("flaky").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("failed once")
                .willReturn(aResponse().withStatus(503)));
        stubs.register(post(urlEqualTo("/api/tasks")).atPriority(1)
                .inScenario("flaky").whenScenarioStateIs("failed once").willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(500)));
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Counter.class, SharedWireMock.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            .overrideConfigKey("quarkus.conductor.retry.initial-backoff", "10ms");

    @Test
    void failedUpdateIsRetriedUntilItSucceeds() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> wiremock.verifyThat(3,
                postRequestedFor(urlEqualTo("/api/tasks"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-1")))
                        .withRequestBody(matchingJsonPath("$.outputData.result", equalTo("1")))));
        assertThat(Counter.CALLS).hasValue(1);
    }

    static class Counter {
        static final AtomicInteger CALLS = new AtomicInteger();

        @ConductorWorker("count")
        int count() {
            return CALLS.incrementAndGet();
        }
    }
}

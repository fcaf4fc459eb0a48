package io.quarkiverse.conductor.worker.test.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * A server that refuses the workers' credentials makes the readiness check DOWN at once, saying so; the liveness check
 * stays UP.
 */
class ReadinessWhenCredentialsAreRefusedTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(ReadinessWhenCredentialsAreRefusedTest.class,
            stubs -> stubs.register(get(urlPathEqualTo("/api/tasks/poll/batch/guarded")).atPriority(1)
                    .willReturn(aResponse().withStatus(403).withBody("{\"message\": \"access denied\"}"))));

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, SharedWireMock.class, Health.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.retry.max-backoff", "200ms")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @TestHTTPResource("/q/health/ready")
    URI ready;

    @TestHTTPResource("/q/health/live")
    URI live;

    @Test
    void notReadyButAlive() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> "DOWN".equals(Health.read(ready).path("status").asText()));

        JsonNode readiness = Health.check(Health.read(ready), "Conductor workers");
        assertThat(readiness.path("data").path("problem").asText())
                .isEqualTo("the server refuses the credentials: HTTP 403: access denied (no access key is configured)");
        assertThat(Health.read(live).path("status").asText()).isEqualTo("UP");
    }

    static class Workers {
        @ConductorWorker("guarded")
        void guarded() {
        }
    }
}

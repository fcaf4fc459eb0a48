package io.quarkiverse.conductor.worker.test.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * A server that does not answer for longer than {@code quarkus.conductor.health.unanswered-after} makes the readiness
 * check DOWN, saying so; the liveness check stays UP, since restarting the application would not bring the server
 * back, and the worker, backing off, says so.
 */
class ReadinessWhenTheServerIsDownTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, Health.class))
            .overrideConfigKey("quarkus.conductor.server-url", "http://localhost:" + closedPort() + "/api")
            .overrideConfigKey("quarkus.conductor.health.unanswered-after", "1s")
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
        assertThat(readiness.path("status").asText()).isEqualTo("DOWN");
        assertThat(readiness.path("data").path("problem").asText()).startsWith("the server has not answered for");
        assertThat(readiness.path("data").path("waiting").asText()).isEqualTo("backing off");
        assertThat(Health.read(live).path("status").asText()).isEqualTo("UP");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static class Workers {
        @ConductorWorker("waiting")
        void waiting() {
        }
    }
}

package io.quarkiverse.conductor.worker.test.observability;

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
 * While the server answers, the readiness check "Conductor workers" is UP and says, per worker, what it does, and which
 * server it talks to (without the credentials of its URL); the liveness check is UP.
 */
class ReadinessWhileTheServerAnswersTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(ReadinessWhileTheServerAnswersTest.class, stubs -> {
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, SharedWireMock.class, Health.class))
            .overrideConfigKey("quarkus.conductor.server-url",
                    SharedWireMock.apiUrl().replace("http://", "http://operator:s3cret@"))
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            .overrideConfigKey("quarkus.conductor.workers.\"resting\".paused", "true")
            .overrideConfigKey("quarkus.conductor.workers.\"off\".enabled", "false")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @TestHTTPResource("/q/health/ready")
    URI ready;

    @TestHTTPResource("/q/health/live")
    URI live;

    @Test
    void readyAndAliveWithEachWorkersState() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> "UP".equals(Health.read(ready).path("status").asText()));

        JsonNode readiness = Health.check(Health.read(ready), "Conductor workers");
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("data").path("working").asText()).isEqualTo("polling");
        assertThat(readiness.path("data").path("resting").asText()).isEqualTo("paused");
        assertThat(readiness.path("data").path("off").asText()).isEqualTo("disabled");
        assertThat(readiness.path("data").path("server").asText()).isEqualTo(SharedWireMock.apiUrl())
                .doesNotContain("s3cret");
        assertThat(Health.check(Health.read(live), "Conductor workers polling").path("status").asText()).isEqualTo("UP");
    }

    static class Workers {
        @ConductorWorker("working")
        void working() {
        }

        @ConductorWorker("resting")
        void resting() {
        }

        @ConductorWorker("off")
        void off() {
        }
    }
}

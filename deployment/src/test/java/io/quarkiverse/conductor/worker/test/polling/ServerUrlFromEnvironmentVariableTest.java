package io.quarkiverse.conductor.worker.test.polling;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Without {@code quarkus.conductor.server-url}, the SDKs' {@code CONDUCTOR_SERVER_URL} says where the server is (set
 * here as a configuration entry, which is how the environment variable reaches the application).
 */
class ServerUrlFromEnvironmentVariableTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(ServerUrlFromEnvironmentVariableTest.class,
            stubs -> {
            });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(EnvWorker.class, SharedWireMock.class))
            .overrideConfigKey("CONDUCTOR_SERVER_URL", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms");

    @Test
    void pollsTheServerNamedByTheEnvironmentVariable() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> wiremock.verifyThat(getRequestedFor(urlPathEqualTo("/api/tasks/poll/batch/from_env"))));
    }

    static class EnvWorker {
        @ConductorWorker("from_env")
        void work() {
        }
    }
}

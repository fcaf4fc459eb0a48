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
 * When both are set, {@code quarkus.conductor.server-url} wins over {@code CONDUCTOR_SERVER_URL}.
 */
class ServerUrlPropertyWinsTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(ServerUrlPropertyWinsTest.class, stubs -> {
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(PropertyWorker.class, SharedWireMock.class))
            .overrideConfigKey("CONDUCTOR_SERVER_URL", "http://conductor.invalid:1/api")
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms");

    @Test
    void pollsTheServerNamedByTheProperty() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> wiremock.verifyThat(getRequestedFor(urlPathEqualTo("/api/tasks/poll/batch/from_property"))));
    }

    static class PropertyWorker {
        @ConductorWorker("from_property")
        void work() {
        }
    }
}

package io.quarkiverse.conductor.worker.test.devui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.devui.tests.DevUIJsonRPCTest;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * The Conductor card of the Dev UI lists the workers with their settings and counts, says which server they poll, and
 * pauses and resumes a worker.
 */
class DevUIWorkersTest extends DevUIJsonRPCTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(DevUIWorkersTest.class,
            stubs -> SharedWireMock.pollOnceReturns(stubs, "greet", "[" + SharedWireMock.task("t-1", "greet",
                    "{\"name\": \"Ada\"}") + "]"));

    @RegisterExtension
    static final QuarkusDevModeTest test = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class, SharedWireMock.class)
                    .addAsResource(new StringAsset("quarkus.conductor.server-url=" + SharedWireMock.apiUrl() + "\n"
                            + "quarkus.conductor.worker.long-poll-timeout=100ms\n"
                            + "quarkus.conductor.workers.\"greet\".domain=blue\n"), "application.properties"));

    DevUIWorkersTest() {
        super("quarkus-conductor-worker");
    }

    @Test
    void cardShowsTheServerAndTheWorkersAndPausesAWorker() throws Exception {
        // the JSON-RPC client reads the test config through the thread's class loader: poll on this thread
        await().atMost(Duration.ofSeconds(60)).pollInSameThread()
                .until(() -> executeJsonRPCMethod("getWorkers").get(0).get("completed").asInt() == 1);

        JsonNode worker = executeJsonRPCMethod("getWorkers").get(0);
        assertThat(worker.get("taskName").asText()).isEqualTo("greet");
        assertThat(worker.get("method").asText()).isEqualTo("DevUIWorkersTest$Greeter#greet(String)");
        assertThat(worker.get("concurrency").asInt()).isEqualTo(32);
        assertThat(worker.get("domain").asText()).isEqualTo("blue");
        assertThat(worker.get("paused").asBoolean()).isFalse();
        assertThat(worker.get("failed").asInt()).isZero();

        JsonNode server = executeJsonRPCMethod("getServer");
        assertThat(server.get("url").asText()).isEqualTo(SharedWireMock.apiUrl());
        assertThat(server.get("devServices").asBoolean()).isFalse();
        assertThat(server.get("source").asText()).contains("application.properties");

        assertThat(executeJsonRPCMethod("pause", Map.of("taskName", "greet")).asBoolean()).isTrue();
        assertThat(executeJsonRPCMethod("getWorkers").get(0).get("paused").asBoolean()).isTrue();
        assertThat(executeJsonRPCMethod("resume", Map.of("taskName", "greet")).asBoolean()).isTrue();
        assertThat(executeJsonRPCMethod("getWorkers").get(0).get("paused").asBoolean()).isFalse();
    }

    public static class Greeter {
        @ConductorWorker("greet")
        public String greet(String name) {
            return "Hello, " + name;
        }
    }
}

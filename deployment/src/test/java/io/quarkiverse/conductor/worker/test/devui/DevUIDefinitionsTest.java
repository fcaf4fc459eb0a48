package io.quarkiverse.conductor.worker.test.devui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
 * The Definitions page of the Conductor card lists each definition with where it comes from and what its registration
 * did, and starts a registered workflow with a JSON input, then shows the execution's status, tasks and output; an input
 * that is not a JSON object, or a refusal of the server, is said plainly.
 */
class DevUIDefinitionsTest extends DevUIJsonRPCTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(DevUIDefinitionsTest.class, stubs -> {
        stubs.register(post(urlEqualTo("/api/workflow")).atPriority(1)
                .withRequestBody(equalToJson("{\"name\": \"greetings\", \"version\": 1, \"input\": {\"name\": \"Ada\"}}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("wf-1")));
        stubs.register(post(urlEqualTo("/api/workflow")).atPriority(2)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\": 404, \"message\": \"No such workflow found by name: nope, version: 1\"}")));
        stubs.register(get(urlPathEqualTo("/api/workflow/wf-1")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"workflowId\": \"wf-1\", \"workflowName\": \"greetings\", \"status\": \"COMPLETED\","
                                + " \"output\": {\"greeting\": \"Hello, Ada\"}, \"tasks\": [{\"taskId\": \"t-1\","
                                + " \"taskType\": \"greet\", \"referenceTaskName\": \"greet_ref\","
                                + " \"status\": \"COMPLETED\"}]}")));
    });

    static final String WORKFLOW = """
            {"name": "greetings", "tasks": [{"name": "greet", "taskReferenceName": "greet_ref",
              "inputParameters": {"name": "${workflow.input.name}"}}],
             "outputParameters": {"greeting": "${greet_ref.output.result}"}}
            """;

    @RegisterExtension
    static final QuarkusDevModeTest test = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class, SharedWireMock.class)
                    .addAsResource(new StringAsset(WORKFLOW), "conductor/workflows/greetings.json")
                    .addAsResource(new StringAsset("quarkus.conductor.server-url=" + SharedWireMock.apiUrl() + "\n"
                            + "quarkus.conductor.worker.long-poll-timeout=100ms\n"), "application.properties"));

    DevUIDefinitionsTest() {
        super("quarkus-conductor-worker");
    }

    @Test
    void pageListsTheDefinitionsAndStartsAWorkflow() throws Exception {
        // the JSON-RPC client reads the test config through the thread's class loader: poll on this thread
        await().atMost(Duration.ofSeconds(60)).pollInSameThread()
                .until(() -> executeJsonRPCMethod("getDefinitions").get("definitions").size() == 2);

        JsonNode definitions = executeJsonRPCMethod("getDefinitions");
        assertThat(definitions.get("mode").asText()).isEqualTo("upsert");
        JsonNode task = definitions.get("definitions").get(0);
        assertThat(task.get("kind").asText()).isEqualTo("task");
        assertThat(task.get("name").asText()).isEqualTo("greet");
        assertThat(task.get("origin").asText()).isEqualTo("DevUIDefinitionsTest$Greeter#greet(String)");
        assertThat(task.get("status").asText()).isEqualTo("created");
        JsonNode workflow = definitions.get("definitions").get(1);
        assertThat(workflow.get("kind").asText()).isEqualTo("workflow");
        assertThat(workflow.get("name").asText()).isEqualTo("greetings");
        assertThat(workflow.get("version").asInt()).isEqualTo(1);
        assertThat(workflow.get("origin").asText()).isEqualTo("conductor/workflows/greetings.json");

        JsonNode started = executeJsonRPCMethod("startWorkflow",
                Map.of("name", "greetings", "version", 1, "input", "{\"name\": \"Ada\"}"));
        assertThat(started.get("workflowId").asText()).isEqualTo("wf-1");
        wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/workflow")));

        JsonNode execution = executeJsonRPCMethod("getExecution", Map.of("workflowId", "wf-1"));
        assertThat(execution.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(execution.get("terminal").asBoolean()).isTrue();
        assertThat(execution.get("output").get("greeting").asText()).isEqualTo("Hello, Ada");
        assertThat(execution.get("tasks").get(0).get("referenceTaskName").asText()).isEqualTo("greet_ref");

        assertThat(executeJsonRPCMethod("startWorkflow", Map.of("name", "greetings", "version", 1, "input", "[1]"))
                .get("error").asText()).isEqualTo("The input must be a JSON object, such as {\"name\": \"Ada\"}");
        assertThat(executeJsonRPCMethod("startWorkflow", Map.of("name", "nope", "version", 1, "input", "{}"))
                .get("error").asText()).isEqualTo("HTTP 404: No such workflow found by name: nope, version: 1");
    }

    public static class Greeter {
        @ConductorWorker("greet")
        public String greet(String name) {
            return "Hello, " + name;
        }
    }
}

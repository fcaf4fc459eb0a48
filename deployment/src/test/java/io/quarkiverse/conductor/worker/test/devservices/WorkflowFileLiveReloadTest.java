package io.quarkiverse.conductor.worker.test.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.acme.GreetingsWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * On the real server, a restart registers only what changed. A restart with the same definitions writes nothing: the
 * stored definitions, creation and update times included, are the same as before. A changed workflow file is updated in
 * place, keeping its creation time; a new one is created.
 */
class WorkflowFileLiveReloadTest {

    private static final String WORKFLOW = "conductor/workflows/greetings.json";

    @RegisterExtension
    static final QuarkusDevModeTest test = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(GreetingsWorker.class)
                    .addAsResource("getting-started/greetings.json", WORKFLOW))
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.conductor"));

    @Test
    void restartRegistersOnlyWhatChanged() throws Exception {
        awaitLog("Conductor workflow definition 'greetings' version 1: created");
        DevServicesServer server = DevServicesServer.announcedIn(test.getLogRecords());
        JsonNode task = server.get("/metadata/taskdefs/greetings");
        JsonNode workflow = server.get("/metadata/workflow/greetings?version=1");

        // a restart without a change of definition: a Java change
        test.clearLogRecords();
        test.modifySourceFile(GreetingsWorker.class, source -> source.replace("\"Hello, \"", "\"Hello there, \""));
        DevServicesServer.touchApplication();
        awaitLog("Conductor workflow definition 'greetings' version 1: unchanged");
        assertThat(LogMessages.class).isNotNull();
        assertThat(messages()).contains("Conductor task definition 'greetings': unchanged");
        assertThat(server.get("/metadata/taskdefs/greetings")).isEqualTo(task);
        assertThat(server.get("/metadata/workflow/greetings?version=1")).isEqualTo(workflow);

        // the workflow file changes
        test.clearLogRecords();
        test.modifyResourceFile(WORKFLOW, json -> json.replace("Greets the person named in the input",
                "Greets the person named in the input, warmly"));
        DevServicesServer.touchApplication();
        awaitLog("Conductor workflow definition 'greetings' version 1: updated");
        JsonNode updated = server.get("/metadata/workflow/greetings?version=1");
        assertThat(updated.get("description").asText()).isEqualTo("Greets the person named in the input, warmly");
        assertThat(updated.get("createTime")).isEqualTo(workflow.get("createTime"));
        assertThat(updated.get("updateTime").asLong()).isGreaterThan(workflow.get("updateTime").asLong());
        assertThat(server.get("/metadata/taskdefs/greetings")).isEqualTo(task);

        // a new workflow file
        test.clearLogRecords();
        test.addResourceFile("conductor/workflows/farewell.json", new String(
                getClass().getClassLoader().getResourceAsStream("getting-started/greetings.json").readAllBytes(),
                StandardCharsets.UTF_8).replace("\"name\": \"greetings\",\n  \"description\"",
                        "\"name\": \"farewell\",\n  \"description\""));
        DevServicesServer.touchApplication();
        awaitLog("Conductor workflow definition 'farewell' version 1: created");
        assertThat(server.get("/metadata/workflow/farewell?version=1").get("name").asText()).isEqualTo("farewell");
    }

    private static void awaitLog(String message) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> messages().contains(message));
    }

    private static java.util.List<String> messages() {
        return test.getLogRecords().stream().map(LogMessages::text).toList();
    }
}

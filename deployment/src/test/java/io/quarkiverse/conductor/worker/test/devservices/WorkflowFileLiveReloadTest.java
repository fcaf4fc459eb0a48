package io.quarkiverse.conductor.worker.test.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.jboss.shrinkwrap.api.asset.StringAsset;
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

    private static final String WORKFLOW = "conductor/workflows/reload_greetings.json";

    /** A workflow of its own: the server of Dev Services is shared with the other tests of the JVM. */
    static String workflow(String name, String description) {
        return """
                {"name": "%s", "description": "%s", "tasks": [
                  {"name": "reload_greetings", "taskReferenceName": "greet_ref",
                   "inputParameters": {"name": "${workflow.input.name}"}}
                ]}
                """.formatted(name, description);
    }

    @RegisterExtension
    static final QuarkusDevModeTest test = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(ReloadGreeter.class)
                    .addAsResource(new StringAsset(workflow("reload_greetings", "Greets")), WORKFLOW))
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.conductor"));

    @Test
    void restartRegistersOnlyWhatChanged() throws Exception {
        awaitLog("Conductor workflow definition 'reload_greetings' version 1: created");
        DevServicesServer server = DevServicesServer.announcedIn(test.getLogRecords());
        JsonNode task = server.get("/metadata/taskdefs/reload_greetings");
        JsonNode workflow = server.get("/metadata/workflow/reload_greetings?version=1");

        // a restart without a change of definition: a Java change
        test.clearLogRecords();
        test.modifySourceFile(ReloadGreeter.class, source -> source.replace("\"Hello, \"", "\"Hello there, \""));
        DevServicesServer.touchApplication();
        awaitLog("Conductor workflow definition 'reload_greetings' version 1: unchanged");
        assertThat(messages()).contains("Conductor task definition 'reload_greetings': unchanged");
        assertThat(server.get("/metadata/taskdefs/reload_greetings")).isEqualTo(task);
        assertThat(server.get("/metadata/workflow/reload_greetings?version=1")).isEqualTo(workflow);

        // the workflow file changes
        test.clearLogRecords();
        test.modifyResourceFile(WORKFLOW, json -> json.replace("\"Greets\"", "\"Greets warmly\""));
        DevServicesServer.touchApplication();
        awaitLog("Conductor workflow definition 'reload_greetings' version 1: updated");
        JsonNode updated = server.get("/metadata/workflow/reload_greetings?version=1");
        assertThat(updated.get("description").asText()).isEqualTo("Greets warmly");
        assertThat(updated.get("createTime")).isEqualTo(workflow.get("createTime"));
        assertThat(updated.get("updateTime").asLong()).isGreaterThan(workflow.get("updateTime").asLong());
        assertThat(server.get("/metadata/taskdefs/reload_greetings")).isEqualTo(task);

        // a new workflow file
        test.clearLogRecords();
        test.addResourceFile("conductor/workflows/reload_farewell.json", workflow("reload_farewell", "Says goodbye"));
        DevServicesServer.touchApplication();
        awaitLog("Conductor workflow definition 'reload_farewell' version 1: created");
        assertThat(server.get("/metadata/workflow/reload_farewell?version=1").get("description").asText())
                .isEqualTo("Says goodbye");
    }

    private static void awaitLog(String message) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> messages().contains(message));
    }

    private static List<String> messages() {
        return test.getLogRecords().stream().map(LogMessages::text).toList();
    }
}

package io.quarkiverse.conductor.worker.test.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkus.test.QuarkusUnitTest;

/**
 * What the server accepts but is likely a mistake is a build warning that names the file, the workflow and the task: a
 * worker task that no worker of the application executes and no task definition file defines, a property the server
 * does not know (with the name that was probably meant), a task type it does not know. The application builds.
 */
class DefinitionFileWarningsTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class)
                    .addAsResource(new StringAsset("""
                            {"name": "orders", "tasks": [
                              {"name": "greet", "taskReferenceName": "greet_ref"},
                              {"name": "ship_order", "taskReferenceName": "ship_ref",
                               "inputParameter": {"id": "${workflow.input.id}"}},
                              {"name": "bill", "taskReferenceName": "bill_ref", "type": "SIMPEL"},
                              {"name": "remote_task", "taskReferenceName": "remote_ref"}
                            ]}"""), "conductor/workflows/orders.json")
                    .addAsResource(new StringAsset("{\"name\": \"remote_task\", \"responseTimeoutSeconds\": 30}"),
                            "conductor/tasks/remote_task.json"))
            .overrideConfigKey("quarkus.conductor.server-url", "http://127.0.0.1:1/api")
            .overrideConfigKey("quarkus.conductor.registration.mode", "none")
            .overrideConfigKey("quarkus.conductor.worker.enabled", "false")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.conductor"))
            .assertLogRecords(DefinitionFileWarningsTest::warningsNameFileWorkflowAndTask);

    @Test
    void applicationBuildsAndStarts() {
    }

    private static void warningsNameFileWorkflowAndTask(List<LogRecord> records) {
        assertThat(records).filteredOn(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(LogMessages::text).containsExactlyInAnyOrder(
                        "conductor/workflows/orders.json: task 'ship_ref' of workflow 'orders' has a property"
                                + " 'inputParameter' that Conductor does not know (did you mean 'inputParameters'?);"
                                + " the server drops it",
                        "conductor/workflows/orders.json: task 'ship_ref' of workflow 'orders' runs task type"
                                + " 'ship_order', which no @ConductorWorker method of this application executes and no"
                                + " task definition file defines: the workflow waits at this task until a worker polls"
                                + " 'ship_order'. Check the name, or add a task definition file for a worker of another"
                                + " application",
                        "conductor/workflows/orders.json: task 'bill_ref' of workflow 'orders' has type 'SIMPEL', which"
                                + " is not a task type of Conductor OSS (did you mean 'SIMPLE'?); the server accepts it,"
                                + " but only runs it if it knows it");
    }
}

package io.quarkiverse.conductor.worker.test.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The definition files are registered as they are written, after the workers' task definitions: the task definition of
 * a task another application executes, then the workflows. The fields the server sets itself (in a definition exported
 * from the Conductor UI) are left out.
 */
class DefinitionFilesRegisteredTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(DefinitionFilesRegisteredTest.class, stubs -> {
    });

    static final String REMOTE_TASK = """
            {"name": "remote_task", "description": "run by the billing service", "retryCount": 1,
             "responseTimeoutSeconds": 30, "createTime": 1700000000000, "createdBy": "someone"}
            """;

    static final String WORKFLOW = """
            {"name": "billing", "version": 3, "tasks": [
              {"name": "greet", "taskReferenceName": "greet_ref", "inputParameters": {"name": "${workflow.input.name}"}},
              {"name": "remote_task", "taskReferenceName": "bill_ref"}
            ], "updateTime": 1700000000000}
            """;

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class, SharedWireMock.class, MetadataRequests.class)
                    .addAsResource(new StringAsset(REMOTE_TASK), "conductor/tasks/remote_task.json")
                    .addAsResource(new StringAsset(WORKFLOW), "conductor/workflows/billing.json"))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.enabled", "false");

    @Test
    void workerDefinitionsThenTaskFilesThenWorkflows() {
        assertThat(MetadataRequests.lines(wiremock)).containsExactly(
                "GET /api/metadata/taskdefs/greet", "POST /api/metadata/taskdefs",
                "GET /api/metadata/taskdefs/remote_task", "POST /api/metadata/taskdefs",
                "GET /api/metadata/workflow/billing?version=3", "POST /api/metadata/workflow");
    }

    @Test
    void filesAreSentAsWrittenWithoutTheServersFields() {
        assertThat(MetadataRequests.posted(wiremock, "/api/metadata/taskdefs").get(1)).isEqualTo(MetadataRequests.json(
                "[{\"name\": \"remote_task\", \"description\": \"run by the billing service\", \"retryCount\": 1,"
                        + " \"responseTimeoutSeconds\": 30}]"));
        JsonNode workflow = MetadataRequests.body(wiremock, "POST", "/api/metadata/workflow");
        assertThat(workflow).isEqualTo(MetadataRequests.json(WORKFLOW.replace(", \"updateTime\": 1700000000000", "")));
    }
}

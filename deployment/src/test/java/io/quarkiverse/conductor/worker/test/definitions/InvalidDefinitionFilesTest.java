package io.quarkiverse.conductor.worker.test.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Definition files a Conductor server would reject fail the build, each problem naming its file: not JSON, not one
 * object, no name, no tasks, a task without its reference name, two tasks with the same reference name (nested ones
 * included), a SWITCH without its expression, an unsupported schema version, the same workflow version in two files, and
 * a task definition whose response timeout (left out: the server's hour) exceeds its timeout.
 */
class InvalidDefinitionFilesTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class)
                    .addAsResource(new StringAsset("{\"name\": \"broken\", \"tasks\": ["), "conductor/workflows/broken.json")
                    .addAsResource(new StringAsset("[{\"name\": \"listed\"}]"), "conductor/workflows/listed.json")
                    .addAsResource(new StringAsset("{\"tasks\": [{\"name\": \"greet\", \"taskReferenceName\": \"g\"}]}"),
                            "conductor/workflows/nameless.json")
                    .addAsResource(new StringAsset("{\"name\": \"empty\", \"tasks\": []}"), "conductor/workflows/empty.json")
                    .addAsResource(new StringAsset("""
                            {"name": "refs", "schemaVersion": 1, "tasks": [
                              {"name": "greet"},
                              {"name": "greet", "taskReferenceName": "twice"},
                              {"name": "route", "taskReferenceName": "route_ref", "type": "SWITCH",
                               "decisionCases": {"a": [{"name": "greet", "taskReferenceName": "twice"}]}}
                            ]}"""), "conductor/workflows/refs.json")
                    .addAsResource(new StringAsset(Greeter.WORKFLOW), "conductor/workflows/greetings.json")
                    .addAsResource(new StringAsset(Greeter.WORKFLOW), "conductor/workflows/nested/greetings-copy.json")
                    .addAsResource(new StringAsset("{\"name\": \"remote\", \"timeoutSeconds\": 60}"),
                            "conductor/tasks/remote.json"))
            .assertException(failure -> {
                StringBuilder messages = new StringBuilder();
                for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                    messages.append(t.getMessage()).append('\n');
                }
                assertThat(messages.toString()).contains(
                        "conductor/workflows/broken.json is not valid JSON: Unexpected end-of-input",
                        "conductor/workflows/listed.json is not a workflow definition: it holds a JSON array, not an"
                                + " object; put one workflow definition in each file",
                        "conductor/workflows/nameless.json: the workflow has no \"name\": it is required",
                        "conductor/workflows/empty.json: workflow 'empty' has no tasks: give it a non-empty \"tasks\""
                                + " array",
                        "conductor/workflows/refs.json: the schemaVersion of workflow 'refs' is 1: Conductor only"
                                + " supports 2 (or leave it out)",
                        "conductor/workflows/refs.json: a task of workflow 'refs' has no \"taskReferenceName\": it is"
                                + " required",
                        "conductor/workflows/refs.json: workflow 'refs' has two tasks with the taskReferenceName"
                                + " 'twice': each task needs its own",
                        "conductor/workflows/refs.json: task 'route_ref' of workflow 'refs' of type SWITCH needs"
                                + " \"evaluatorType\"",
                        "conductor/workflows/refs.json: task 'route_ref' of workflow 'refs' of type SWITCH needs"
                                + " \"expression\"",
                        "conductor/workflows/nested/greetings-copy.json and conductor/workflows/greetings.json both"
                                + " define workflow 'greetings' version 1",
                        "conductor/tasks/remote.json: task definition 'remote' has a responseTimeoutSeconds of 3600"
                                + " (the server's default, as it is left out), more than its timeoutSeconds of 60:"
                                + " Conductor rejects it; set responseTimeoutSeconds to 60 or less");
            });

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}

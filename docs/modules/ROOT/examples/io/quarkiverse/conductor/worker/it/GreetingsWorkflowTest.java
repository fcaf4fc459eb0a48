package io.quarkiverse.conductor.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.conductor.worker.WorkflowClient;
import io.quarkiverse.conductor.worker.model.Workflow;
import io.quarkiverse.conductor.worker.model.Workflow.WorkflowStatus;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A workflow end to end on the server of Dev Services, where the application registered its definitions: started with
 * the workflow client, run by the application's workers, awaited until it ends.
 */
// tag::workflow-test[]
@QuarkusTest
class GreetingsWorkflowTest {

    @Inject
    WorkflowClient workflows;

    @Test
    void greetingsWorkflowGreets() {
        String id = workflows.startWorkflow("greetings_workflow", Map.of("name", "Ada"));

        Workflow workflow = await().atMost(Duration.ofSeconds(30))
                .until(() -> workflows.getWorkflow(id, false), execution -> execution.getStatus().isTerminal());

        assertThat(workflow.getStatus()).isEqualTo(WorkflowStatus.COMPLETED);
        assertThat(workflow.getOutput()).isEqualTo(Map.of("greeting", "Hello, Ada"));
    }
}
// end::workflow-test[]

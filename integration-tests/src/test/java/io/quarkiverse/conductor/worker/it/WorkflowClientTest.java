package io.quarkiverse.conductor.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkiverse.conductor.worker.ReactiveWorkflowClient;
import io.quarkiverse.conductor.worker.WorkflowClient;
import io.quarkiverse.conductor.worker.model.StartWorkflowRequest;
import io.quarkiverse.conductor.worker.model.Workflow;
import io.quarkiverse.conductor.worker.model.Workflow.WorkflowStatus;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The workflow client against the real server: it starts a registered workflow by name, version and correlation id
 * with a record as input (written by the application's mapper, annotations included), reads the execution with and
 * without its tasks, terminates a running workflow, and reports what the server refuses with the server's reason.
 */
@QuarkusTest
class WorkflowClientTest {

    // tag::order[]
    /** An order as the application models it; the workflow reads {@code order_id} and {@code sku_price}. */
    public record Order(@JsonProperty("order_id") int orderId, String sku, int quantity,
            @JsonProperty("sku_price") double skuPrice) {
    }
    // end::order[]

    @Inject
    WorkflowClient workflows;

    @Inject
    ReactiveWorkflowClient reactiveWorkflows;

    final ConductorFixture conductor = new ConductorFixture();

    @Test
    void startsAWorkflowAndReadsItsExecution() {
        // tag::start[]
        String id = workflows.startWorkflow(new StartWorkflowRequest().withName(Definitions.PROCESS_ORDER)
                .withVersion(1).withCorrelationId("order-1001").withInput(new Order(1001, "SKU-7", 3, 4.5)));
        // end::start[]

        Workflow done = conductor.awaitEnd(id);
        assertThat(done.getStatus()).isEqualTo(WorkflowStatus.COMPLETED);
        assertThat(done.getOutput()).isEqualTo(Map.of("message", "order: 1001"));

        Workflow withoutTasks = workflows.getWorkflow(id, false);
        assertThat(withoutTasks.getWorkflowId()).isEqualTo(id);
        assertThat(withoutTasks.getWorkflowName()).isEqualTo(Definitions.PROCESS_ORDER);
        assertThat(withoutTasks.getWorkflowVersion()).isEqualTo(1);
        assertThat(withoutTasks.getCorrelationId()).isEqualTo("order-1001");
        assertThat(withoutTasks.getInput()).isEqualTo(Map.of("order_id", 1001, "sku", "SKU-7", "quantity", 3,
                "sku_price", 4.5));
        assertThat(withoutTasks.getTasks()).isEmpty();
        assertThat(workflows.getWorkflow(id, true).getTaskByRefName("process_order_ref").getStatus())
                .isEqualTo("COMPLETED");
    }

    @Test
    void terminatesARunningWorkflow() {
        // paused_task starts paused (application.properties): its workflow waits
        String id = workflows.startWorkflow(Definitions.PAUSED, Map.of("item", "never"));
        assertThat(workflows.getWorkflow(id, false).getStatus()).isEqualTo(WorkflowStatus.RUNNING);

        // tag::terminate[]
        workflows.terminateWorkflow(id, "no longer needed");
        // end::terminate[]

        Workflow terminated = workflows.getWorkflow(id, true);
        assertThat(terminated.getStatus()).isEqualTo(WorkflowStatus.TERMINATED);
        assertThat(terminated.getReasonForIncompletion()).isEqualTo("no longer needed");
        assertThat(terminated.getTaskByRefName("paused_ref").getStatus()).isEqualTo("CANCELED");
        // terminating it again does nothing
        workflows.terminateWorkflow(id, "again");
        assertThat(workflows.getWorkflow(id, false).getReasonForIncompletion()).isEqualTo("no longer needed");
    }

    @Test
    void reactiveClientStartsReadsAndTerminates() {
        String id = reactiveWorkflows.startWorkflow(Definitions.PAUSED, Map.of("item", "reactive")).await()
                .atMost(Duration.ofSeconds(10));
        assertThat(reactiveWorkflows.getWorkflow(id, false).await().atMost(Duration.ofSeconds(10)).getStatus())
                .isEqualTo(WorkflowStatus.RUNNING);

        reactiveWorkflows.terminateWorkflow(id, "done with it").await().atMost(Duration.ofSeconds(10));

        assertThat(reactiveWorkflows.getWorkflow(id, false).await().atMost(Duration.ofSeconds(10)).getStatus())
                .isEqualTo(WorkflowStatus.TERMINATED);
    }

    @Test
    void whatTheServerRefusesSaysWhy() {
        assertThatThrownBy(() -> workflows.startWorkflow("no_such_workflow", Map.of()))
                .hasMessageContaining("HTTP 404").hasMessageContaining("no_such_workflow");
        String completed = workflows.startWorkflow(Definitions.GREETINGS, Map.of("name", "Ada"));
        conductor.awaitEnd(completed);
        assertThatThrownBy(() -> workflows.terminateWorkflow(completed, "too late"))
                .hasMessageContaining("HTTP 409").hasMessageContaining("Cannot terminate a COMPLETED workflow");
        assertThatThrownBy(() -> workflows.getWorkflow("no-such-id", false)).hasMessageContaining("HTTP 404");
        assertThatThrownBy(() -> workflows.startWorkflow(Definitions.GREETINGS, "Ada"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The input of workflow greetings_workflow must be a JSON object (a Map, a POJO or a"
                        + " record), not String (JSON STRING): wrap it, as in Map.of(\"value\", input)");
    }
}

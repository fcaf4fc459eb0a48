package io.quarkiverse.conductor.worker.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.conductor.worker.WorkflowClient;
import io.quarkiverse.conductor.worker.it.ConductorFixture;
import io.quarkiverse.conductor.worker.it.Definitions;
import io.quarkiverse.conductor.worker.it.ReceiptWorker;
import io.quarkiverse.conductor.worker.model.StartWorkflowRequest;
import io.quarkiverse.conductor.worker.model.Workflow;
import io.quarkiverse.conductor.worker.model.Workflow.WorkflowStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An application whose {@code ObjectMapperCustomizer} switches its JSON to snake_case (and leaves out empty values)
 * completes its workflows end to end on the real server: its records are read and written in snake_case (a workflow's
 * input too), while the tasks, results and requests keep Conductor's own format.
 */
@QuarkusTest
@TestProfile(SnakeCaseApplicationTest.SnakeCase.class)
class SnakeCaseApplicationTest {

    public static class SnakeCase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("it.snake-case", "true");
        }
    }

    final ConductorFixture conductor = new ConductorFixture();

    @Inject
    WorkflowClient workflows;

    @Test
    void recordsAreReadAndWrittenInSnakeCase() {
        Workflow workflow = conductor.awaitEnd(conductor.start(Definitions.RECEIPT,
                Map.of("customer_name", "Ada", "item_count", 3)));

        assertThat(workflow.getStatus()).isEqualTo(WorkflowStatus.COMPLETED);
        assertThat(workflow.getOutput()).isEqualTo(Map.of("receipt", Map.of("customer_name", "Ada", "item_count", 3,
                "receipt_number", "R-3")));
    }

    @Test
    void workflowInputRecordIsWrittenInSnakeCase() {
        // the application's workflow client writes the input with the application's mapper
        Workflow workflow = conductor.awaitEnd(workflows.startWorkflow(new StartWorkflowRequest()
                .withName(Definitions.RECEIPT).withInput(new ReceiptWorker.ReceiptRequest("Grace", 2))));

        assertThat(workflow.getInput()).isEqualTo(Map.of("customer_name", "Grace", "item_count", 2));
        assertThat(workflow.getOutput()).isEqualTo(Map.of("receipt", Map.of("customer_name", "Grace", "item_count", 2,
                "receipt_number", "R-2")));
    }

    @Test
    void seedWorkflowsCompleteAsUsual() {
        Workflow greetings = conductor.awaitEnd(conductor.start(Definitions.GREETINGS, Map.of("name", "Orkes")));
        Workflow order = conductor.awaitEnd(conductor.start(Definitions.PROCESS_ORDER,
                Map.of("order_id", 1001, "sku", "SKU-7", "quantity", 3, "sku_price", 4.5)));

        assertThat(greetings.getOutput()).isEqualTo(Map.of("greeting", "Hello, Orkes"));
        assertThat(order.getOutput()).isEqualTo(Map.of("message", "order: 1001"));
    }
}

package io.quarkiverse.conductor.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.conductor.worker.model.Workflow;
import io.quarkiverse.conductor.worker.model.Workflow.WorkflowStatus;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Conductor docs' example workers complete their workflows on a real server (started by Dev Services).
 */
@QuarkusTest
class SeedWorkflowsTest {

    final ConductorFixture conductor = new ConductorFixture();

    @Test
    void greetingsWorkflowGreets() {
        Workflow workflow = conductor.awaitEnd(conductor.start(Definitions.GREETINGS, Map.of("name", "Orkes")));

        assertThat(workflow.getStatus()).isEqualTo(WorkflowStatus.COMPLETED);
        assertThat(workflow.getOutput()).isEqualTo(Map.of("greeting", "Hello, Orkes"));
    }

    @Test
    void processOrderWorkflowReadsTheTypedInput() {
        Workflow workflow = conductor.awaitEnd(conductor.start(Definitions.PROCESS_ORDER,
                Map.of("order_id", 1001, "sku", "SKU-7", "quantity", 3, "sku_price", 4.5)));

        assertThat(workflow.getStatus()).isEqualTo(WorkflowStatus.COMPLETED);
        assertThat(workflow.getOutput()).isEqualTo(Map.of("message", "order: 1001"));
    }

    @Test
    void simpleWorkerWorkflowReturnsKeysMessageAndValue() {
        Workflow workflow = conductor.awaitEnd(conductor.start(Definitions.SIMPLE, Map.of()));

        assertThat(workflow.getStatus()).isEqualTo(WorkflowStatus.COMPLETED);
        assertThat(workflow.getOutput()).containsEntry("keys", List.of("Key1", "Key2"))
                .containsEntry("message", "Hello World").containsKey("value");
        assertThat(((Number) workflow.getOutput().get("value")).doubleValue()).isNotNegative();
    }
}

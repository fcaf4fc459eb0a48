package io.quarkiverse.conductor.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.Workflow;
import io.quarkiverse.conductor.worker.model.Workflow.WorkflowStatus;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Exceptions become task failures that the server retries as the task definition says; non-retryable exceptions and
 * bad input fail for good.
 */
@QuarkusTest
class FailureHandlingTest {

    final ConductorFixture conductor = new ConductorFixture();

    @Test
    void taskWithTwoRetriesFailsTwiceThenSucceeds() {
        Workflow workflow = conductor.awaitEnd(conductor.start(Definitions.PAYMENT, Map.of("amount", 40)));

        assertThat(workflow.getStatus()).isEqualTo(WorkflowStatus.COMPLETED);
        assertThat(workflow.getOutput()).isEqualTo(Map.of("payment", Map.of("charged", 40, "attempts", 3)));
        List<Task> attempts = workflow.getTasksByRefName("payment_ref");
        assertThat(attempts).extracting(Task::getStatus).containsExactly("FAILED", "FAILED", "COMPLETED");
        assertThat(attempts).extracting(Task::getRetryCount).containsExactly(0, 1, 2);
        assertThat(attempts.get(0).getReasonForIncompletion()).isEqualTo("payment gateway timed out (attempt 1)");
    }

    @Test
    void nonRetryableExceptionFailsTheWorkflowWithoutRetry() {
        Workflow workflow = conductor.awaitEnd(conductor.start(Definitions.CARD, Map.of("card", "4111")));

        assertThat(workflow.getStatus()).isEqualTo(WorkflowStatus.FAILED);
        assertThat(workflow.getTasksByRefName("card_ref")).singleElement().satisfies(task -> {
            assertThat(task.getStatus()).isEqualTo("FAILED_WITH_TERMINAL_ERROR");
            assertThat(task.getReasonForIncompletion()).isEqualTo("card 4111 declined");
        });
        assertThat(workflow.getReasonForIncompletion()).contains("card 4111 declined");
    }

    @Test
    void badInputFailsTerminallyNamingTheKey() {
        Workflow workflow = conductor.awaitEnd(conductor.start(Definitions.PROCESS_ORDER,
                Map.of("order_id", 1002, "sku", "SKU-7", "quantity", "a few", "sku_price", 4.5)));

        assertThat(workflow.getStatus()).isEqualTo(WorkflowStatus.FAILED);
        assertThat(workflow.getTasksByRefName("process_order_ref")).singleElement().satisfies(task -> {
            assertThat(task.getStatus()).isEqualTo("FAILED_WITH_TERMINAL_ERROR");
            assertThat(task.getReasonForIncompletion())
                    .startsWith("Task 'process_order' input 'orderInfo' cannot be converted to "
                            + OrderInfo.class.getName())
                    .contains("\"quantity\":\"a few\"")
                    .contains("[\"quantity\"]");
        });
    }
}

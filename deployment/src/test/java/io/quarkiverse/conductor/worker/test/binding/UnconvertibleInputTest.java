package io.quarkiverse.conductor.worker.test.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.test.Tasks;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Input that cannot be converted is not retried (it would fail the same way) and does not hurt the worker.
 */
class UnconvertibleInputTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(OrderWorker.class, OrderInfo.class, Tasks.class));

    @Test
    void scalarOfTheWrongTypeFailsTerminallyNamingKeyTypeAndValue() {
        TaskResult result = Tasks.execute("reserve", "{\"sku\": \"X\", \"quantity\": \"many\"}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.FAILED_WITH_TERMINAL_ERROR);
        assertThat(result.getReasonForIncompletion())
                .startsWith("Task 'reserve' input 'quantity' cannot be converted to int (parameter 'int quantity' of"
                        + " UnconvertibleInputTest$OrderWorker#reserve(String, int)): received \"many\"");
    }

    @Test
    void nestedFieldOfTheWrongTypeIsNamed() {
        TaskResult result = Tasks.execute("process_order", "{\"orderId\": 1, \"quantity\": [1, 2]}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.FAILED_WITH_TERMINAL_ERROR);
        assertThat(result.getReasonForIncompletion())
                .contains("input 'order' cannot be converted to " + OrderInfo.class.getName())
                .contains("received {\"orderId\":1,\"quantity\":[1,2]}")
                .contains("[\"quantity\"]");
    }

    @Test
    void longReceivedValueIsTruncated() {
        String huge = "x".repeat(5000);

        TaskResult result = Tasks.execute("reserve", "{\"sku\": \"X\", \"quantity\": \"" + huge + "\"}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.FAILED_WITH_TERMINAL_ERROR);
        assertThat(result.getReasonForIncompletion()).contains("... (5002 characters)").hasSizeLessThan(1000);
    }

    @Test
    void workerKeepsWorkingAfterBadInput() {
        Tasks.execute("reserve", "{\"sku\": \"X\", \"quantity\": \"many\"}");

        TaskResult result = Tasks.execute("reserve", "{\"sku\": \"X\", \"quantity\": 2}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.COMPLETED);
        assertThat(result.getOutputData()).isEqualTo(Map.of("result", "2 x X"));
    }

    record OrderInfo(int orderId, int quantity) {
    }

    static class OrderWorker {

        @ConductorWorker("reserve")
        String reserve(String sku, int quantity) {
            return quantity + " x " + sku;
        }

        @ConductorWorker("process_order")
        int process(OrderInfo order) {
            return order.orderId();
        }
    }
}

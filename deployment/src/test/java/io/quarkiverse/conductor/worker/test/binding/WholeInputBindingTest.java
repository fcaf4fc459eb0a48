package io.quarkiverse.conductor.worker.test.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.test.Tasks;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The seeds' typed-input example: {@code process_order(order_info: OrderInfo)} receives the whole input.
 */
class WholeInputBindingTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(OrderWorker.class, OrderInfo.class, Shipment.class, Tasks.class));

    @Test
    void singleRecordParameterReceivesTheWholeInput() {
        TaskResult result = Tasks.execute("process_order",
                "{\"order_id\": 42, \"sku\": \"X-1\", \"quantity\": 3, \"sku_price\": 2.5}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.COMPLETED);
        assertThat(result.getOutputData()).isEqualTo(Map.of("result", "order: 42, total 7.5"));
    }

    @Test
    void keyOfTheParameterNameWinsOverTheWholeInput() {
        TaskResult result = Tasks.execute("process_order",
                "{\"order\": {\"order_id\": 7, \"sku\": \"Y\", \"quantity\": 1, \"sku_price\": 4.0}, \"order_id\": 99}");

        assertThat(result.getOutputData()).isEqualTo(Map.of("result", "order: 7, total 4.0"));
    }

    @Test
    void singlePojoParameterReceivesTheWholeInput() {
        TaskResult result = Tasks.execute("ship", "{\"address\": \"1 Main St\", \"express\": true}");

        assertThat(result.getOutputData()).isEqualTo(Map.of("result", "express to 1 Main St"));
    }

    @Test
    void singleMapParameterReceivesTheWholeInput() {
        TaskResult result = Tasks.execute("count_keys", "{\"a\": 1, \"b\": 2, \"c\": 3}");

        assertThat(result.getOutputData()).isEqualTo(Map.of("result", 3));
    }

    record OrderInfo(@JsonProperty("order_id") int orderId, String sku, int quantity,
            @JsonProperty("sku_price") double skuPrice) {
    }

    public static class Shipment {
        public String address;
        public boolean express;
    }

    static class OrderWorker {

        @ConductorWorker("process_order")
        String processOrder(OrderInfo order) {
            return "order: " + order.orderId() + ", total " + order.quantity() * order.skuPrice();
        }

        @ConductorWorker("ship")
        String ship(Shipment shipment) {
            return (shipment.express ? "express" : "standard") + " to " + shipment.address;
        }

        @ConductorWorker("count_keys")
        int countKeys(Map<String, Object> input) {
            return input.size();
        }
    }
}

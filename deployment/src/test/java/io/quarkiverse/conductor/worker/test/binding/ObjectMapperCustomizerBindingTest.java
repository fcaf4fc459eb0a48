package io.quarkiverse.conductor.worker.test.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.test.Tasks;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Input is read and output written with the application's {@code ObjectMapper}: a customizer that switches to
 * snake_case applies to both.
 */
class ObjectMapperCustomizerBindingTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(SnakeCase.class, OrderWorker.class, OrderInfo.class,
                    Receipt.class, Tasks.class));

    @Test
    void customizedMapperBindsInputAndWritesOutput() {
        TaskResult result = Tasks.execute("process_order",
                "{\"order_id\": 42, \"sku\": \"X-1\", \"quantity\": 3, \"sku_price\": 2.5}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.COMPLETED);
        assertThat(result.getOutputData()).isEqualTo(Map.of("order_id", 42, "total_price", 7.5));
    }

    @Singleton
    static class SnakeCase implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        }
    }

    record OrderInfo(int orderId, String sku, int quantity, double skuPrice) {
    }

    record Receipt(int orderId, double totalPrice) {
    }

    static class OrderWorker {

        @ConductorWorker("process_order")
        Receipt processOrder(OrderInfo orderInfo) {
            return new Receipt(orderInfo.orderId(), orderInfo.quantity() * orderInfo.skuPrice());
        }
    }
}

package io.quarkiverse.conductor.worker.test.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application whose {@code ObjectMapperCustomizer} switches to snake_case and leaves out empty values: its own
 * records are read and written in snake_case, while the task the server sends and the result sent back keep
 * Conductor's wire format ({@code taskId}, {@code workflowInstanceId}, {@code outputData}).
 */
class SnakeCaseMapperKeepsConductorWireFormatTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(SnakeCaseMapperKeepsConductorWireFormatTest.class,
            stubs -> SharedWireMock.pollOnceReturns(stubs, "process_order", "[" + SharedWireMock.task("t-snake",
                    "process_order", "{\"order_id\": 42, \"sku\": \"X-1\", \"quantity\": 3, \"sku_price\": 2.5}")
                    + "]"));

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(SnakeCase.class, OrderWorker.class, OrderInfo.class,
                    Receipt.class, SharedWireMock.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms");

    @Test
    void recordsAreSnakeCaseAndTheEnvelopeIsConductors() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> wiremock.verifyThat(1,
                postRequestedFor(urlEqualTo("/api/tasks"))
                        // Conductor's envelope, as the server reads it, whatever the application's mapper does
                        .withRequestBody(equalToJson("{\"taskId\": \"t-snake\", \"workflowInstanceId\": \"wf-t-snake\","
                                + " \"status\": \"COMPLETED\", \"callbackAfterSeconds\": 0, \"extendLease\": false,"
                                + " \"logs\": [], \"workerId\": \"${json-unit.any-string}\","
                                // the application's record, written by the application's mapper: snake_case, no empty
                                // values
                                + " \"outputData\": {\"order_id\": 42, \"total_price\": 7.5}}"))
                        .withRequestBody(notContaining("task_id"))
                        .withRequestBody(notContaining("output_data"))));
    }

    @Singleton
    static class SnakeCase implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
            mapper.setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
        }
    }

    record OrderInfo(int orderId, String sku, int quantity, double skuPrice) {
    }

    record Receipt(int orderId, double totalPrice, String note) {
    }

    static class OrderWorker {

        @ConductorWorker("process_order")
        Receipt processOrder(OrderInfo orderInfo) {
            return new Receipt(orderInfo.orderId(), orderInfo.quantity() * orderInfo.skuPrice(), null);
        }
    }
}

package io.quarkiverse.conductor.worker.it;

import com.fasterxml.jackson.annotation.JsonProperty;

// tag::order-info[]
public record OrderInfo(
        @JsonProperty("order_id") int orderId,
        String sku,
        int quantity,
        @JsonProperty("sku_price") double skuPrice) {
}
// end::order-info[]

package io.quarkiverse.conductor.worker.it;

import io.quarkiverse.conductor.worker.ConductorWorker;

// tag::process-order[]
public class OrderWorker {

    @ConductorWorker("process_order")
    public String processOrder(OrderInfo orderInfo) { // <1>
        return "order: " + orderInfo.orderId();
    }
}
// end::process-order[]

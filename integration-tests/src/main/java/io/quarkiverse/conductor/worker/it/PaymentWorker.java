package io.quarkiverse.conductor.worker.it;

import java.util.Map;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.NonRetryableException;
import io.quarkiverse.conductor.worker.TaskDefinition;
import io.quarkiverse.conductor.worker.model.Task;

// tag::failures[]
public class PaymentWorker {

    /** The gateway times out twice; the server retries the task, as its definition says. */
    @ConductorWorker("flaky_payment")
    @TaskDefinition(retryCount = 2, retryDelay = "0s")
    public Map<String, Object> flakyPayment(Task task, int amount) {
        if (task.getRetryCount() < 2) {
            throw new IllegalStateException("payment gateway timed out (attempt " + (task.getRetryCount() + 1) + ")");
        }
        return Map.of("charged", amount, "attempts", task.getRetryCount() + 1);
    }

    /** A declined card will be declined again: no retry. */
    @ConductorWorker("charge_card")
    public void chargeCard(String card) {
        throw new NonRetryableException("card " + card + " declined");
    }
}
// end::failures[]

package io.quarkiverse.conductor.worker.it;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.TaskDefinition;

/**
 * Reads and writes records whose JSON follows the application's mapper: in snake_case when the application says so.
 */
public class ReceiptWorker {

    public record ReceiptRequest(String customerName, int itemCount) {
    }

    public record Receipt(String customerName, int itemCount, String receiptNumber, String note) {
    }

    @ConductorWorker("write_receipt")
    @TaskDefinition(retryCount = 0)
    public Receipt writeReceipt(ReceiptRequest request) {
        return new Receipt(request.customerName(), request.itemCount(), "R-" + request.itemCount(), null);
    }
}

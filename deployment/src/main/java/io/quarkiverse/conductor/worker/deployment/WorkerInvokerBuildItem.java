package io.quarkiverse.conductor.worker.deployment;

import io.quarkiverse.conductor.worker.runtime.WorkerMethod;
import io.quarkus.arc.processor.InvokerInfo;
import io.quarkus.builder.item.MultiBuildItem;

/**
 * The invoker generated for a valid worker method.
 */
final class WorkerInvokerBuildItem extends MultiBuildItem {

    private final WorkerMethod plan;
    private final InvokerInfo invoker;

    WorkerInvokerBuildItem(WorkerMethod plan, InvokerInfo invoker) {
        this.plan = plan;
        this.invoker = invoker;
    }

    WorkerMethod plan() {
        return plan;
    }

    InvokerInfo invoker() {
        return invoker;
    }
}

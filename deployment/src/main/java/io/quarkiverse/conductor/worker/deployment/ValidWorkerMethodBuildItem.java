package io.quarkiverse.conductor.worker.deployment;

import java.util.List;

import org.jboss.jandex.Type;

import io.quarkiverse.conductor.worker.runtime.WorkerMethod;
import io.quarkus.builder.item.MultiBuildItem;

/**
 * A worker method that passed validation, with the runtime plan for calling it and the types Jackson will
 * (de)serialize for it.
 */
final class ValidWorkerMethodBuildItem extends MultiBuildItem {

    private final WorkerMethodBuildItem source;
    private final WorkerMethod plan;
    private final List<Type> jsonTypes;

    ValidWorkerMethodBuildItem(WorkerMethodBuildItem source, WorkerMethod plan, List<Type> jsonTypes) {
        this.source = source;
        this.plan = plan;
        this.jsonTypes = jsonTypes;
    }

    WorkerMethodBuildItem source() {
        return source;
    }

    WorkerMethod plan() {
        return plan;
    }

    List<Type> jsonTypes() {
        return jsonTypes;
    }
}

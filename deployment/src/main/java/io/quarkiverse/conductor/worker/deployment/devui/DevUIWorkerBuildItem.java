package io.quarkiverse.conductor.worker.deployment.devui;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * A worker as the Dev UI lists it.
 */
public final class DevUIWorkerBuildItem extends MultiBuildItem {

    private final String taskName;
    private final String method;

    public DevUIWorkerBuildItem(String taskName, String method) {
        this.taskName = taskName;
        this.method = method;
    }

    String taskName() {
        return taskName;
    }

    String method() {
        return method;
    }
}

package io.quarkiverse.conductor.worker.deployment;

import io.quarkiverse.conductor.worker.runtime.definitions.DeclaredTaskDefinition;
import io.quarkus.builder.item.MultiBuildItem;

/**
 * The task definition a valid worker method declares (its {@code @TaskDefinition}, checked, and the input keys it binds).
 */
final class WorkerTaskDefinitionBuildItem extends MultiBuildItem {

    private final DeclaredTaskDefinition declaration;

    WorkerTaskDefinitionBuildItem(DeclaredTaskDefinition declaration) {
        this.declaration = declaration;
    }

    DeclaredTaskDefinition declaration() {
        return declaration;
    }
}

package io.quarkiverse.conductor.worker.deployment;

import io.quarkiverse.conductor.worker.runtime.definitions.DefinitionFile;
import io.quarkus.builder.item.MultiBuildItem;

/**
 * A definition file of the application that passed the build's checks.
 */
final class DefinitionFileBuildItem extends MultiBuildItem {

    private final DefinitionFile file;

    DefinitionFileBuildItem(DefinitionFile file) {
        this.file = file;
    }

    DefinitionFile file() {
        return file;
    }
}

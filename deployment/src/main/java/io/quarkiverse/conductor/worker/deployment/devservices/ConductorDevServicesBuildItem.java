package io.quarkiverse.conductor.worker.deployment.devservices;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The Conductor server Dev Services started: where its UI is, for the Dev UI to link to it.
 */
public final class ConductorDevServicesBuildItem extends SimpleBuildItem {

    private final String uiUrl;

    public ConductorDevServicesBuildItem(String uiUrl) {
        this.uiUrl = uiUrl;
    }

    /** The Conductor UI, which the server's boot jar serves at its root. */
    public String uiUrl() {
        return uiUrl;
    }
}

package io.quarkiverse.conductor.worker.runtime.config;

import io.smallrye.config.WithDefault;

/**
 * The workers' health (used only when the application has the extension).
 */
public interface HealthBuildTimeConfig {

    /**
     * Whether the workers' readiness and liveness checks are added, when the application has `quarkus-smallrye-health`.
     */
    @WithDefault("true")
    boolean enabled();
}

package io.quarkiverse.conductor.worker.runtime.config;

import io.smallrye.config.WithDefault;

/**
 * The workers' metrics (used only when the application has the extension).
 */
public interface MetricsBuildTimeConfig {

    /**
     * Whether the workers publish their metrics, when the application has `quarkus-micrometer`.
     */
    @WithDefault("true")
    boolean enabled();
}

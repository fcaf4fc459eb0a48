package io.quarkiverse.conductor.worker.runtime.config;

import io.smallrye.config.WithDefault;

/**
 * The workers' tracing (used only when the application has the extension).
 */
public interface TracingBuildTimeConfig {

    /**
     * Whether each task execution is traced as a span, when the application has `quarkus-opentelemetry`.
     */
    @WithDefault("true")
    boolean enabled();
}

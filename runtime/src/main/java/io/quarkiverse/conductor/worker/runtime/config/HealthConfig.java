package io.quarkiverse.conductor.worker.runtime.config;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/**
 * The workers' health checks (with `quarkus-smallrye-health`).
 */
public interface HealthConfig {

    /**
     * How long the Conductor server may not answer before the readiness check `Conductor workers` is DOWN. Short
     * outages are retried quietly; a longer one is worth telling the platform about.
     */
    @WithDefault("60s")
    Duration unansweredAfter();
}

package io.quarkiverse.conductor.worker.runtime.config;

import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;

/**
 * Build-time settings of the Conductor worker extension.
 */
@ConfigMapping(prefix = "quarkus.conductor")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface ConductorBuildTimeConfig {

    /**
     * Dev Services: a Conductor server started for dev and test mode.
     */
    @ConfigDocSection
    DevServicesConfig devservices();

    /**
     * The workers' metrics, with `quarkus-micrometer`.
     */
    MetricsBuildTimeConfig metrics();

    /**
     * The workers' health checks, with `quarkus-smallrye-health`.
     */
    HealthBuildTimeConfig health();

    /**
     * The workers' traces, with `quarkus-opentelemetry`.
     */
    TracingBuildTimeConfig tracing();

    /**
     * Registration of the application's task and workflow definitions at start-up.
     */
    @ConfigDocSection
    RegistrationBuildTimeConfig registration();
}

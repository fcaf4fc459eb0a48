package io.quarkiverse.conductor.worker.deployment;

import java.util.Optional;

import io.quarkiverse.conductor.worker.runtime.config.ConductorBuildTimeConfig;
import io.quarkiverse.conductor.worker.runtime.health.ConductorWorkersLiveness;
import io.quarkiverse.conductor.worker.runtime.health.ConductorWorkersReadiness;
import io.quarkiverse.conductor.worker.runtime.metrics.MetricsRecorder;
import io.quarkiverse.conductor.worker.runtime.metrics.MicrometerWorkerMetrics;
import io.quarkiverse.conductor.worker.runtime.tracing.OpenTelemetryTaskTracing;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.deployment.metrics.MetricsFactoryConsumerBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;

/**
 * Metrics, health checks and traces of the workers, each added only when the application has the extension it needs
 * (and it is not switched off): nothing of Micrometer, SmallRye Health or OpenTelemetry is loaded otherwise.
 */
class ObservabilityProcessor {

    @BuildStep
    void metrics(Optional<MetricsCapabilityBuildItem> metrics, ConductorBuildTimeConfig config,
            BuildProducer<AdditionalBeanBuildItem> beans) {
        if (withMetrics(metrics, config)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(MicrometerWorkerMetrics.class));
        }
    }

    /** No poll before the application's meter registries are in place: what it would record would be lost. */
    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void holdPollingUntilRegistries(Optional<MetricsCapabilityBuildItem> metrics, ConductorBuildTimeConfig config,
            MetricsRecorder recorder) {
        recorder.holdPollingUntilRegistries(withMetrics(metrics, config));
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void releasePollingWithRegistries(Optional<MetricsCapabilityBuildItem> metrics, ConductorBuildTimeConfig config,
            MetricsRecorder recorder, BuildProducer<MetricsFactoryConsumerBuildItem> consumers) {
        if (withMetrics(metrics, config)) {
            // Micrometer calls it right after attaching its registries
            consumers.produce(new MetricsFactoryConsumerBuildItem(recorder.releasePolling(), ExecutionTime.RUNTIME_INIT));
        }
    }

    private static boolean withMetrics(Optional<MetricsCapabilityBuildItem> metrics, ConductorBuildTimeConfig config) {
        return config.metrics().enabled() && metrics.isPresent()
                && metrics.get().metricsSupported(MetricsFactory.MICROMETER);
    }

    @BuildStep
    void health(Capabilities capabilities, ConductorBuildTimeConfig config, BuildProducer<HealthBuildItem> checks) {
        if (capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
            checks.produce(new HealthBuildItem(ConductorWorkersReadiness.class.getName(), config.health().enabled()));
            checks.produce(new HealthBuildItem(ConductorWorkersLiveness.class.getName(), config.health().enabled()));
        }
    }

    @BuildStep
    void tracing(Capabilities capabilities, ConductorBuildTimeConfig config,
            BuildProducer<AdditionalBeanBuildItem> beans) {
        if (config.tracing().enabled() && capabilities.isPresent(Capability.OPENTELEMETRY_TRACER)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(OpenTelemetryTaskTracing.class));
        }
    }
}

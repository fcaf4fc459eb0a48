package io.quarkiverse.conductor.worker.runtime.metrics;

import java.util.function.Consumer;

import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.metrics.MetricsFactory;

@Recorder
public class MetricsRecorder {

    /** Whether polling waits for the registries: when the workers have metrics (static init, before any start-up step). */
    public void holdPollingUntilRegistries(boolean withMetrics) {
        RegistriesGate.reset(withMetrics);
    }

    /** Called by Micrometer once its registries are attached. */
    public Consumer<MetricsFactory> releasePolling() {
        return factory -> RegistriesGate.open();
    }
}

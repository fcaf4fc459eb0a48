package io.quarkiverse.conductor.worker.runtime.metrics;

import java.util.function.Consumer;

import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.metrics.MetricsFactory;

@Recorder
public class MetricsRecorder {

    /** The workers have metrics: polling waits for the registries (static init, before any start-up step). */
    public void holdPollingUntilRegistries() {
        RegistriesGate.close();
    }

    /** Called by Micrometer once its registries are attached. */
    public Consumer<MetricsFactory> releasePolling() {
        return factory -> RegistriesGate.open();
    }
}

package io.quarkiverse.conductor.worker.runtime.poll;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.conductor.worker.runtime.Worker;
import io.quarkiverse.conductor.worker.runtime.WorkerRegistry;
import io.quarkiverse.conductor.worker.runtime.client.ConnectionPool;
import io.quarkiverse.conductor.worker.runtime.config.ConductorConfig;

/**
 * The settings of every worker, computed once at start-up (which fails on an invalid value).
 */
@Singleton
public class EffectiveWorkerSettings {

    private final Map<String, WorkerSettings> byTask = new LinkedHashMap<>();

    @Inject
    public EffectiveWorkerSettings(ConductorConfig config, WorkerRegistry registry) {
        List<WorkerSettings> resolved = new WorkerSettingsResolver(config)
                .resolve(registry.workers().stream().map(Worker::method).toList());
        resolved.forEach(settings -> byTask.put(settings.taskName(), settings));
    }

    public WorkerSettings get(String taskName) {
        return byTask.get(taskName);
    }

    public List<WorkerSettings> all() {
        return List.copyOf(byTask.values());
    }

    /**
     * The task API client's connection pool, sized for these workers.
     *
     * @throws io.quarkus.runtime.configuration.ConfigurationException naming the property whose value cannot work
     */
    @Produces
    @Singleton
    ConnectionPool connectionPool(ConductorConfig config) {
        return ConnectionPoolSettings.resolve(config.connectionPoolSize(), config.keepAliveTimeout(), all());
    }
}

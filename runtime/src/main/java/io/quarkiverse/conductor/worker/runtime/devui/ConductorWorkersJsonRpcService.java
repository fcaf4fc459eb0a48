package io.quarkiverse.conductor.worker.runtime.devui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;

import io.quarkiverse.conductor.worker.ConductorWorkers;
import io.quarkiverse.conductor.worker.WorkerInfo;
import io.quarkiverse.conductor.worker.runtime.client.ServerUrl;
import io.quarkiverse.conductor.worker.runtime.config.ConductorConfig;

/**
 * What the Dev UI shows of the workers (dev mode only): the server in use and, per worker, its settings and what it did
 * so far. A worker can be paused and resumed from there.
 */
@ApplicationScoped
public class ConductorWorkersJsonRpcService {

    @Inject
    ConductorConfig config;

    @Inject
    ConductorWorkers workers;

    /** The server URL the workers use, without credentials, and where it came from. */
    public Map<String, Object> getServer() {
        ConfigValue configured = ConfigProvider.getConfig().getConfigValue(ServerUrl.PROPERTY);
        ConfigValue environment = ConfigProvider.getConfig().getConfigValue(ServerUrl.ENVIRONMENT_VARIABLE);
        // the same precedence as the workers' client: a blank value does not count
        String source = isSet(configured) ? configured.getSourceName()
                : isSet(environment) ? ServerUrl.ENVIRONMENT_VARIABLE + " (" + environment.getSourceName() + ")"
                        : "the default";
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("url", ServerUrl.forLogs(ServerUrl.resolve(config).toString()));
        server.put("devServices", isSet(configured) && isDevServices(configured.getSourceName()));
        server.put("source", source);
        return server;
    }

    private static boolean isSet(ConfigValue value) {
        return value.getValue() != null && !value.getValue().isBlank();
    }

    private static boolean isDevServices(String sourceName) {
        return sourceName != null && sourceName.toLowerCase().contains("devservices");
    }

    /** One row per worker: task, method, effective settings, state, and counts since start-up. */
    public List<Map<String, Object>> getWorkers() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (WorkerInfo worker : workers.workers()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("taskName", worker.taskName());
            row.put("method", worker.method());
            row.put("enabled", worker.state() != WorkerInfo.State.DISABLED);
            row.put("state", worker.state().name().toLowerCase().replace('_', ' '));
            row.put("concurrency", worker.concurrency());
            row.put("domain", worker.domain().orElse(""));
            row.put("paused", worker.state() == WorkerInfo.State.PAUSED);
            row.put("running", worker.running());
            row.put("polls", worker.polls());
            row.put("completed", worker.completed());
            row.put("inProgress", worker.inProgress());
            row.put("failed", worker.failed());
            rows.add(row);
        }
        return rows;
    }

    /** Stops polling for {@code taskName}; running tasks finish. */
    public boolean pause(String taskName) {
        return workers.pause(taskName);
    }

    /** Resumes polling for {@code taskName}. */
    public boolean resume(String taskName) {
        return workers.resume(taskName);
    }
}

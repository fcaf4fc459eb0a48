package io.quarkiverse.conductor.worker.runtime.devui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.conductor.worker.ConductorWorkers;
import io.quarkiverse.conductor.worker.WorkerInfo;
import io.quarkiverse.conductor.worker.runtime.client.ServerUrl;

/**
 * What the Dev UI shows of the workers (dev mode only): the server in use and, per worker, its settings and what it did
 * so far. A worker can be paused and resumed from there.
 */
@ApplicationScoped
public class ConductorWorkersJsonRpcService {

    @Inject
    ConductorWorkers workers;

    /** The server URL the workers use, without credentials, and where it came from. */
    public Map<String, Object> getServer() {
        Optional<ServerUrl.Setting> setting = ServerUrl.setting(ConfigProvider.getConfig());
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("url", ServerUrl.forLogs(ServerUrl.resolve().toString()));
        server.put("devServices", setting.map(ServerUrl.Setting::fromDevServices).orElse(false));
        server.put("source", setting.map(ServerUrl.Setting::describe).orElse("the default"));
        return server;
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

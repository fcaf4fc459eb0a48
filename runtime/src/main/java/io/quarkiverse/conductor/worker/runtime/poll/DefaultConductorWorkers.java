package io.quarkiverse.conductor.worker.runtime.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.conductor.worker.ConductorWorkers;
import io.quarkiverse.conductor.worker.WorkerInfo;
import io.quarkiverse.conductor.worker.runtime.Worker;
import io.quarkiverse.conductor.worker.runtime.WorkerRegistry;

/** The workers as the application's pollers see them. */
@Singleton
public class DefaultConductorWorkers implements ConductorWorkers {

    @Inject
    WorkerRegistry registry;

    @Inject
    EffectiveWorkerSettings settings;

    @Inject
    WorkerPollers pollers;

    @Override
    public List<WorkerInfo> workers() {
        List<WorkerInfo> workers = new ArrayList<>();
        for (Worker worker : registry.workers()) {
            workers.add(info(worker));
        }
        return workers;
    }

    @Override
    public Optional<WorkerInfo> worker(String taskName) {
        Worker worker = registry.worker(taskName);
        return worker == null ? Optional.empty() : Optional.of(info(worker));
    }

    private WorkerInfo info(Worker worker) {
        WorkerSettings own = settings.get(worker.taskName());
        TaskPoller poller = pollers.poller(worker.taskName());
        WorkerStats stats = poller == null ? new WorkerStats() : poller.stats();
        WorkerInfo.State state = poller != null ? poller.state()
                : own.enabled() ? WorkerInfo.State.STOPPED : WorkerInfo.State.DISABLED;
        return new WorkerInfo(worker.taskName(), worker.method().getDescription(), state, own.concurrency(),
                Optional.ofNullable(own.domain()), own.workerId(), Optional.ofNullable(own.executionTimeout()),
                own.leaseExtension(), poller == null ? 0 : poller.running(), poller == null ? 0 : poller.waiting(),
                stats.polls(), stats.completed(), stats.inProgress(), stats.failed(), stats.resultsGivenUp());
    }

    @Override
    public boolean pause(String taskName) {
        return pollers.pause(taskName);
    }

    @Override
    public boolean resume(String taskName) {
        return pollers.resume(taskName);
    }

    @Override
    public void pauseAll() {
        registry.workers().forEach(worker -> pollers.pause(worker.taskName()));
    }

    @Override
    public void resumeAll() {
        registry.workers().forEach(worker -> pollers.resume(worker.taskName()));
    }
}

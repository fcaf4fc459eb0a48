package io.quarkiverse.conductor.worker.it;

import jakarta.inject.Inject;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.OutputParam;
import io.quarkiverse.conductor.worker.model.Task;
import io.smallrye.mutiny.Uni;

/**
 * Three task types run one after the other by the load workflow, each recording the tasks it executed. The second is
 * non-blocking.
 */
public class LoadWorkers {

    @Inject
    Executions executions;

    @ConductorWorker(value = "load_a", concurrency = 8)
    @OutputParam("n")
    public int loadA(Task task, int n) {
        executions.record(task.getTaskId());
        return n + 1;
    }

    @ConductorWorker(value = "load_b", concurrency = 8)
    @OutputParam("n")
    public Uni<Integer> loadB(Task task, int n) {
        executions.record(task.getTaskId());
        return Uni.createFrom().item(n * 2);
    }

    @ConductorWorker(value = "load_c", concurrency = 8)
    @OutputParam("n")
    public int loadC(Task task, int n) {
        executions.record(task.getTaskId());
        return n - 3;
    }
}

package io.quarkiverse.conductor.worker.it;

import jakarta.inject.Inject;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.OutputParam;
import io.quarkiverse.conductor.worker.TaskDefinition;
import io.quarkiverse.conductor.worker.model.Task;

/**
 * The workers of the fault tests (a flaky network, a server killed and restarted, tasks that outlive their response
 * timeout, a shutdown under load), each recording the tasks it executed.
 */
public class FaultWorkers {

    @Inject
    Executions executions;

    // a task stranded by a lost answer is handed out again after a few seconds
    @ConductorWorker("flaky_one")
    @TaskDefinition(retryCount = 5, responseTimeout = "5s")
    @OutputParam("n")
    public int flakyOne(Task task, int n) {
        executions.record(task.getTaskId());
        return n + 1;
    }

    @ConductorWorker("flaky_two")
    @TaskDefinition(retryCount = 5, responseTimeout = "5s")
    @OutputParam("n")
    public int flakyTwo(Task task, int n) {
        executions.record(task.getTaskId());
        return n * 2;
    }

    @ConductorWorker("resilient_one")
    @TaskDefinition(retryCount = 5)
    @OutputParam("n")
    public int resilientOne(Task task, int n) throws InterruptedException {
        executions.record(task.getTaskId());
        // a little work, so that tasks are in flight when the server goes down
        Thread.sleep(20);
        return n + 1;
    }

    @ConductorWorker("resilient_two")
    @TaskDefinition(retryCount = 5)
    @OutputParam("n")
    public int resilientTwo(Task task, int n) throws InterruptedException {
        executions.record(task.getTaskId());
        Thread.sleep(20);
        return n * 2;
    }

    /** Runs longer than its task's response timeout: its lease is extended meanwhile. */
    @ConductorWorker("long_task")
    @TaskDefinition(retryCount = 1, responseTimeout = Definitions.LONG_TASK_RESPONSE_TIMEOUT_DURATION)
    public String longTask(Task task, int seconds) throws InterruptedException {
        executions.record(task.getTaskId());
        Thread.sleep(seconds * 1000L);
        return "done after " + seconds + " s";
    }

    /** The same, with lease extension off (application.properties): what the Conductor SDKs do by default. */
    @ConductorWorker("long_task_unleased")
    @TaskDefinition(retryCount = 1, responseTimeout = Definitions.LONG_TASK_RESPONSE_TIMEOUT_DURATION)
    public String longTaskUnleased(Task task, int seconds) throws InterruptedException {
        executions.record(task.getTaskId());
        Thread.sleep(seconds * 1000L);
        return "done after " + seconds + " s";
    }

    /** Takes a few seconds, so that many are running when the application is told to stop. */
    @ConductorWorker(value = "shutdown_task", concurrency = 20)
    @TaskDefinition(retryCount = 0)
    public String shutdownTask(int n) throws InterruptedException {
        Thread.sleep(3000);
        return "finished " + n;
    }
}

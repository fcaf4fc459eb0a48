package io.quarkiverse.conductor.worker.it;

import java.time.Duration;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.TaskDefinition;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;

// tag::approval[]
public class ApprovalWorker {

    /**
     * Files the request and leaves the task IN_PROGRESS: whoever approves completes it later, through
     * {@code TaskClient.updateTaskByReferenceName}.
     */
    @ConductorWorker("await_approval")
    @TaskDefinition(description = "waits for a person", retryCount = 0, responseTimeout = "1h")
    public TaskResult awaitApproval(Task task, String request) {
        return TaskResult.inProgress(task, Duration.ofHours(1)).output("filed", request);
    }
}
// end::approval[]

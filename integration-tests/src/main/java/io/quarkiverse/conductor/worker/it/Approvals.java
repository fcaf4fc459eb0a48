package io.quarkiverse.conductor.worker.it;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.conductor.worker.ReactiveTaskClient;
import io.quarkiverse.conductor.worker.TaskClient;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.smallrye.mutiny.Uni;

/**
 * Completes the tasks {@link ApprovalWorker} left in progress, as a person's decision arrives.
 */
@ApplicationScoped
public class Approvals {

    // tag::approve[]
    @Inject
    TaskClient tasks;

    public String approve(String workflowId) {
        return tasks.updateTaskByReferenceName(workflowId, "approval_ref", TaskResult.Status.COMPLETED,
                Map.of("decision", "approved"));
    }
    // end::approve[]

    // tag::reject[]
    @Inject
    ReactiveTaskClient reactiveTasks;

    public Uni<String> reject(String workflowId, String reason) {
        return reactiveTasks.updateTaskByReferenceName(workflowId, "approval_ref", TaskResult.Status.COMPLETED,
                Map.of("decision", "rejected", "reason", reason));
    }
    // end::reject[]
}

package io.quarkiverse.conductor.worker;

import io.quarkiverse.conductor.worker.model.StartWorkflowRequest;
import io.quarkiverse.conductor.worker.model.Workflow;
import io.smallrye.mutiny.Uni;

/**
 * The Conductor workflow API, non-blocking: start a workflow, read an execution, terminate it. {@link WorkflowClient} is
 * the blocking form.
 * <p>
 * A workflow's input is written by the application's {@code ObjectMapper} (it is the application's data), and must be a
 * JSON object: a {@code Map}, a POJO or a record. A request the server refuses fails with an exception whose message
 * gives the HTTP status and the server's reason (a workflow that does not exist: {@code HTTP 404: No such workflow
 * ...}).
 */
public interface ReactiveWorkflowClient {

    /** Starts the latest version of workflow {@code name} with {@code input}; completes with the new workflow's id. */
    Uni<String> startWorkflow(String name, Object input);

    /** Starts the workflow {@code request} describes; completes with its id. */
    Uni<String> startWorkflow(StartWorkflowRequest request);

    /** The execution {@code workflowId}, with its tasks or without them (a smaller answer). */
    Uni<Workflow> getWorkflow(String workflowId, boolean includeTasks);

    /**
     * Terminates the execution {@code workflowId}: its running tasks are cancelled. Terminating a terminated workflow does
     * nothing; a completed one cannot be terminated.
     *
     * @param reason why, kept as the workflow's {@code reasonForIncompletion}; may be {@code null}
     */
    Uni<Void> terminateWorkflow(String workflowId, String reason);
}

package io.quarkiverse.conductor.worker;

import io.quarkiverse.conductor.worker.model.StartWorkflowRequest;
import io.quarkiverse.conductor.worker.model.Workflow;

/**
 * The Conductor workflow API, blocking: start a workflow, read an execution, terminate it.
 *
 * <pre>
 * &#64;Inject
 * WorkflowClient workflows;
 *
 * String placeOrder(OrderInfo order) {
 *     return workflows.startWorkflow("process_order", order);
 * }
 * </pre>
 *
 * Each method blocks its thread until the server answered; {@link ReactiveWorkflowClient} is the non-blocking form. A
 * workflow's input is written by the application's {@code ObjectMapper} and must be a JSON object: a {@code Map}, a POJO
 * or a record.
 */
public interface WorkflowClient {

    /** Starts the latest version of workflow {@code name} with {@code input}; returns the new workflow's id. */
    String startWorkflow(String name, Object input);

    /** Starts the workflow {@code request} describes; returns its id. */
    String startWorkflow(StartWorkflowRequest request);

    /** The execution {@code workflowId}, with its tasks or without them (a smaller answer). */
    Workflow getWorkflow(String workflowId, boolean includeTasks);

    /**
     * Terminates the execution {@code workflowId}: its running tasks are cancelled. Terminating a terminated workflow does
     * nothing; a completed one cannot be terminated.
     *
     * @param reason why, kept as the workflow's {@code reasonForIncompletion}; may be {@code null}
     */
    void terminateWorkflow(String workflowId, String reason);
}

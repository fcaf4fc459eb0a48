package io.quarkiverse.conductor.worker;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;

/**
 * The Conductor task management API, blocking: read a task, and complete, fail or log on a task from outside its
 * worker, typically a long-running task that a worker left {@code IN_PROGRESS}:
 *
 * <pre>
 * &#64;Inject
 * TaskClient tasks;
 *
 * void onRenderingDone(String workflowId, String url) {
 *     tasks.updateTaskByReferenceName(workflowId, "render_ref", TaskResult.Status.COMPLETED, Map.of("url", url));
 * }
 * </pre>
 *
 * Each method blocks its thread until the server answered; {@link ReactiveTaskClient} is the non-blocking form. An
 * {@code output} is converted like a worker's return value.
 */
public interface TaskClient {

    /** The task with id {@code taskId}, as the server has it now. */
    Task getTask(String taskId);

    /** Sets the status and output of task {@code taskId} of workflow {@code workflowInstanceId}. */
    void updateTask(String taskId, String workflowInstanceId, TaskResult.Status status, Object output);

    /** Sends {@code result} as it is (status, output, logs, callback, reason). */
    void updateTask(TaskResult result);

    /**
     * Sets the status and output of the task with reference name {@code taskReferenceName} in workflow
     * {@code workflowInstanceId}; the task need not have been polled. Returns the task's id.
     */
    String updateTaskByReferenceName(String workflowInstanceId, String taskReferenceName, TaskResult.Status status,
            Object output);

    /** Adds {@code line} to the execution log of task {@code taskId}. */
    void addLog(String taskId, String line);
}

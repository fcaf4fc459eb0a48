package io.quarkiverse.conductor.worker;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.smallrye.mutiny.Uni;

/**
 * The Conductor task management API, non-blocking: read a task, and complete, fail or log on a task from outside its
 * worker, typically a long-running task that a worker left {@code IN_PROGRESS}. {@link TaskClient} is the blocking
 * form.
 * <p>
 * An {@code output} is converted like a worker's return value: a {@code Map}, POJO or record becomes the output
 * object, anything else is reported as {@code {"result": value}}.
 */
public interface ReactiveTaskClient {

    /** The task with id {@code taskId}, as the server has it now. */
    Uni<Task> getTask(String taskId);

    /** Sets the status and output of task {@code taskId} of workflow {@code workflowInstanceId}. */
    Uni<Void> updateTask(String taskId, String workflowInstanceId, TaskResult.Status status, Object output);

    /** Sends {@code result} as it is (status, output, logs, callback, reason). */
    Uni<Void> updateTask(TaskResult result);

    /**
     * Sets the status and output of the task with reference name {@code taskReferenceName} in workflow
     * {@code workflowInstanceId}; the task need not have been polled. Completes with the task's id.
     */
    Uni<String> updateTaskByReferenceName(String workflowInstanceId, String taskReferenceName, TaskResult.Status status,
            Object output);

    /** Adds {@code line} to the execution log of task {@code taskId}. */
    Uni<Void> addLog(String taskId, String line);
}

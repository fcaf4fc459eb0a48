package io.quarkiverse.conductor.worker;

import java.time.Duration;

import io.quarkiverse.conductor.worker.model.Task;

/**
 * What a running worker may ask about its task, and say back to the server besides its return value.
 * <p>
 * Declare a parameter of this type on a {@link ConductorWorker} method to receive it. It is valid during that one
 * invocation (and, for a method returning {@code Uni} or {@code CompletionStage}, until the result completes).
 *
 * <pre>
 * &#64;ConductorWorker("render_video")
 * Map&lt;String, Object&gt; render(String videoId, TaskContext context) {
 *     if (!renderer.isDone(videoId)) {
 *         context.log("still rendering " + videoId);
 *         context.callbackAfter(Duration.ofSeconds(30)); // stays IN_PROGRESS, called again in 30 s
 *         return Map.of("progress", renderer.progress(videoId));
 *     }
 *     return Map.of("url", renderer.url(videoId));
 * }
 * </pre>
 */
public interface TaskContext {

    /** The task being executed, as the server sent it. */
    Task task();

    /** The id of the task being executed. */
    default String taskId() {
        return task().getTaskId();
    }

    /** The id of the workflow execution the task belongs to. */
    default String workflowInstanceId() {
        return task().getWorkflowInstanceId();
    }

    /** How many times the server retried this task before this attempt: 0 for the first attempt. */
    default int retryCount() {
        return task().getRetryCount();
    }

    /** How many times this attempt was handed to a worker: greater than 1 once it came back after a callback. */
    default int pollCount() {
        return task().getPollCount();
    }

    /** Adds a line to the task's execution log, sent with the result. */
    void log(String line);

    /**
     * Keeps the task {@code IN_PROGRESS} instead of completing it: the method's return value is reported as the output
     * so far, and the server hands the task to a worker again after {@code delay} (whole seconds, rounded up, as
     * {@link io.quarkiverse.conductor.worker.model.TaskResult#callbackAfter(Duration)} does).
     */
    void callbackAfter(Duration delay);
}

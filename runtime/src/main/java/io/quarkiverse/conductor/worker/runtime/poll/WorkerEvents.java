package io.quarkiverse.conductor.worker.runtime.poll;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;

/**
 * What a worker's poller does, told as it happens: the one place where counters, metrics, health and the Dev UI learn
 * about the workers. The poller calls it on its own threads, so an implementation only records: it must not block, and
 * whatever it throws is caught and logged once, never let into the poller.
 */
public interface WorkerEvents {

    /** How a poll asked. */
    enum PollKind {
        /** For one task, held by the server until one is queued or the timeout ends. */
        LONG,
        /** For the free slots, answered at once with what is queued. */
        SHORT
    }

    /** Why a result was not sent. */
    enum GiveUpReason {
        /** Not acknowledged before the task's response timeout passed: the server times it out. */
        RESPONSE_TIMEOUT,
        /** The shutdown grace period ended first. */
        SHUTDOWN,
        /** The server refused the credentials, and no key is configured to renew them. */
        ACCESS_REFUSED,
        /** The server refused the result for good, even as a failure (a {@code 4xx} other than those handled). */
        REJECTED,
        /** The server no longer has the task, or it is already done ({@code 404}, {@code 409}). */
        TASK_GONE
    }

    /** A poll was answered with {@code received} tasks, after {@code nanos}. */
    default void polled(String taskType, PollKind kind, int received, long nanos) {
    }

    /** A poll failed after {@code nanos}. */
    default void pollFailed(String taskType, PollKind kind, Throwable failure, long nanos) {
    }

    /** The worker is paused: told once a second while it is, as the Conductor SDKs count their paused poll loops. */
    default void paused(String taskType) {
    }

    /** A polled task found every slot taken (the server handed out more than asked) and waits for one. */
    default void queueFull(String taskType) {
    }

    /** A polled task starts. */
    default void executionStarted(Task task) {
    }

    /** The worker method of {@code task} returned (or threw, or timed out) after {@code nanos}: {@code result}. */
    default void executed(Task task, TaskResult result, Throwable failure, long nanos) {
    }

    /**
     * The server acknowledged the result of {@code task}, {@code bytes} long, {@code nanos} after it was first sent
     * (retries included).
     */
    default void reported(Task task, TaskResult result, int bytes, long nanos) {
    }

    /** Sending the result of {@code task} failed; it is sent again later. */
    default void resultRetried(Task task, Throwable failure) {
    }

    /** The result of {@code task} is not sent, {@code nanos} after it was first tried. */
    default void resultGivenUp(Task task, GiveUpReason reason, Throwable failure, long nanos) {
    }

    /** The server was told that {@code task} still runs. */
    default void leaseExtended(Task task) {
    }
}

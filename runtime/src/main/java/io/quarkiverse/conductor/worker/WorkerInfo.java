package io.quarkiverse.conductor.worker;

import java.time.Duration;
import java.util.Optional;

/**
 * One worker as it is now: its settings, its state and its counters since start-up.
 *
 * @param taskName the task type it executes
 * @param method the bean and method, as {@code OrderWorker#process(OrderInfo)}
 * @param state what it is doing
 * @param concurrency how many of its tasks may run at once
 * @param domain the task domain it polls, if any
 * @param workerId the id it reports to the server
 * @param executionTimeout how long a task may run, if limited
 * @param leaseExtension whether a task that outlives its response timeout has its lease extended
 * @param running tasks executing or reporting now
 * @param waiting tasks a server handed out beyond what was asked, waiting for a slot
 * @param polls polls sent
 * @param completed executions that completed their task
 * @param inProgress executions that left their task in progress, to be called again
 * @param failed executions that failed their task
 * @param resultsGivenUp results not sent: not taken before the task's response timeout, refused, or cut off by the
 *        shutdown
 */
public record WorkerInfo(String taskName, String method, State state, int concurrency, Optional<String> domain,
        String workerId, Optional<Duration> executionTimeout, boolean leaseExtension, int running, int waiting,
        long polls, long completed, long inProgress, long failed, long resultsGivenUp) {

    /** What a worker is doing. */
    public enum State {
        /** Polling the server for tasks. */
        POLLING,
        /** Polling again after failed polls, with back-off. */
        BACKING_OFF,
        /** Paused: taking no task (configured so, or paused at run time). */
        PAUSED,
        /** Disabled in the configuration: it never polls. */
        DISABLED,
        /** The application is stopping, or has stopped. */
        STOPPED
    }
}

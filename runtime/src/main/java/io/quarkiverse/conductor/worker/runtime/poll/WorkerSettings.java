package io.quarkiverse.conductor.worker.runtime.poll;

import java.time.Duration;

/**
 * The effective settings of one worker: the configured defaults, overridden by the worker's annotation, overridden by
 * the worker's own configuration section.
 *
 * @param longPolls the most long polls kept open at once while tasks flow
 * @param batchLimit the most tasks asked for in one poll
 * @param domain the domain polled, or {@code null}
 * @param executionTimeout how long a task may run before it is failed, or {@code null} for no limit
 * @param leaseExtension whether a task that runs long has its lease extended, so that the server does not hand it out
 *        again
 */
public record WorkerSettings(String taskName, boolean enabled, int concurrency, Duration pollInterval,
        Duration maxPollInterval, Duration longPollTimeout, int longPolls, int batchLimit, String domain, String workerId,
        boolean paused, Duration executionTimeout, boolean leaseExtension) {

    /** These settings, starting paused or not. */
    WorkerSettings withPaused(boolean startPaused) {
        return new WorkerSettings(taskName, enabled, concurrency, pollInterval, maxPollInterval, longPollTimeout, longPolls,
                batchLimit, domain, workerId, startPaused, executionTimeout, leaseExtension);
    }
}

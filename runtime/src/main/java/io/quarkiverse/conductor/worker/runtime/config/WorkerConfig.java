package io.quarkiverse.conductor.worker.runtime.config;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Settings of one worker; each one overrides the worker's annotation and the setting of the same name under
 * `quarkus.conductor.worker`.
 */
public interface WorkerConfig {

    /**
     * Whether this worker polls the server.
     */
    Optional<Boolean> enabled();

    /**
     * How many tasks of this type may run at once in this application.
     */
    OptionalInt concurrency();

    /**
     * How long this worker, idle, waits before polling again after a poll that returned no task.
     */
    Optional<Duration> pollInterval();

    /**
     * The longest wait between two polls of this worker when idle.
     */
    Optional<Duration> maxPollInterval();

    /**
     * How long the server holds a poll of this worker open when it has no task to give.
     */
    Optional<Duration> longPollTimeout();

    /**
     * How many long polls this worker keeps open at once while tasks come in.
     */
    OptionalInt longPolls();

    /**
     * The largest number of tasks this worker asks for in one poll.
     */
    OptionalInt batchLimit();

    /**
     * The task domain this worker polls.
     */
    Optional<String> domain();

    /**
     * The id this worker reports to the server.
     */
    Optional<String> workerId();

    /**
     * Whether this worker starts paused: a paused worker does not poll until it is resumed with
     * {@code ConductorWorkers} (for instance by the last of the application's start-up observers).
     */
    Optional<Boolean> paused();

    /**
     * How long a task of this type may run before it is failed and its method stopped.
     */
    Optional<Duration> executionTimeout();

    /**
     * Whether a task of this type that runs long keeps its lease.
     */
    Optional<Boolean> leaseExtension();

    /**
     * The task definition registered for this worker's task type.
     */
    TaskDefinitionConfig definition();
}

package io.quarkiverse.conductor.worker.runtime.config;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.WithDefault;

/**
 * Settings that apply to every worker unless overridden.
 */
public interface WorkerDefaultsConfig {

    /**
     * Whether workers poll the server. When `false`, the application starts without polling any task.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * How many tasks of one type may run at once in this application.
     */
    @WithDefault("8")
    int concurrency();

    /**
     * How long a worker waits before polling again after a poll that returned no task; it doubles (with jitter) after
     * each further empty poll, up to `max-poll-interval`, and is reset by a poll that returns tasks. The long poll
     * (`long-poll-timeout`) already waits on the server, so this may stay small.
     */
    @WithDefault("0s")
    Duration pollInterval();

    /**
     * The longest wait between two polls after a series of empty polls.
     */
    @WithDefault("1s")
    Duration maxPollInterval();

    /**
     * How long the server holds a poll open when it has no task to give: the poll returns as soon as a task arrives, or
     * empty after this time. Conductor servers cap it at 5 seconds.
     */
    @WithDefault("1s")
    Duration longPollTimeout();

    /**
     * The largest number of tasks asked for in one poll; by default the number of free slots (see `concurrency`).
     */
    OptionalInt batchLimit();

    /**
     * The task domain to poll. Tasks scheduled in a domain (a workflow started with a `taskToDomain` mapping) are only
     * given to workers polling that domain.
     */
    Optional<String> domain();

    /**
     * The id the worker reports to the server, shown in the Conductor UI; the host name by default.
     */
    Optional<String> workerId();

    /**
     * Whether workers start paused: a paused worker does not poll.
     */
    @WithDefault("false")
    boolean paused();
}

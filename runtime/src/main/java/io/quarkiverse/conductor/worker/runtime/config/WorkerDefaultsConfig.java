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
     * How many tasks of one type may run at once in this application. It also bounds how many tasks one poll brings
     * while a backlog is queued: with fewer slots the worker polls more often, and each poll costs the server a
     * transaction (with 8, a backlog of short tasks drained about 30% slower and cost the server 20% more per task than
     * with 32, see the performance page). A blocking worker takes a worker-pool thread per running task, and one that uses
     * a datasource should not run more tasks at once than the datasource's pool has connections: set it lower for those.
     */
    @WithDefault("32")
    int concurrency();

    /**
     * How long an idle worker waits before polling again after a poll that returned no task; it doubles (with jitter)
     * after each further empty poll, up to `max-poll-interval`, and is reset by a poll that returns tasks. By default an
     * idle worker keeps a long poll open, so that a new task is picked up as soon as it is queued; a pause saves
     * requests at the cost of that delay, which matters for applications with many workers that are mostly idle
     * (`poll-interval=1s` and `max-poll-interval=5s` halve their requests).
     */
    @WithDefault("0s")
    Duration pollInterval();

    /**
     * The longest wait between two polls of an idle worker.
     */
    @WithDefault("5s")
    Duration maxPollInterval();

    /**
     * How long the server holds a poll open when it has no task to give: the poll returns as soon as a task arrives, or
     * empty after this time. An idle worker doubles it after each empty poll, up to the 5 seconds Conductor servers
     * allow.
     */
    @WithDefault("1s")
    Duration longPollTimeout();

    /**
     * How many long polls a worker keeps open at once while tasks come in (at most its free slots). They are started a
     * little apart, so that the server looks for new tasks more often on the worker's behalf and a new task waits less.
     * After as many empty polls in a row, the worker is idle and keeps a single long poll open, whose timeout doubles
     * after each empty poll up to 5 seconds. An open poll holds a connection, not a thread.
     */
    @WithDefault("4")
    int longPolls();

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
     * Whether workers start paused: a paused worker does not poll until it is resumed with {@code ConductorWorkers}.
     * Workers poll first thing at start-up, before the application's {@code StartupEvent} observers run: one that needs
     * what they prepare starts paused, and the last of them resumes it.
     */
    @WithDefault("false")
    boolean paused();

    /**
     * How long a task may run. When a worker method runs longer, its task is reported `FAILED` with a reason that says
     * so (the server retries it as its task definition says), its slot is freed, and the method is stopped: its thread
     * is interrupted, or its `Uni` cancelled; what it returns later is dropped. No limit by default.
     */
    Optional<Duration> executionTimeout();

    /**
     * Whether a task that runs long keeps its lease. Conductor hands a task out again when its worker has not answered
     * for the task's `responseTimeoutSeconds`; while a worker method runs, the extension tells the server that the task
     * is still being worked on every 80% of that time, so that a long task is not run twice. The Conductor SDKs leave
     * this off by default.
     */
    @WithDefault("true")
    boolean leaseExtension();

    /**
     * The task definition registered for every worker's task type.
     */
    TaskDefinitionDefaultsConfig definition();
}

package io.quarkiverse.conductor.worker.runtime.poll;

import java.time.Duration;

import io.quarkiverse.conductor.worker.runtime.client.Backoff;

/**
 * Decides how a worker polls, from what its polls brought lately. It follows how Conductor servers answer a batch poll:
 * the server holds a poll until it has <em>all</em> the tasks asked for or its timeout ends, looking at its queue every
 * 100 ms or so, and each of those looks is a database transaction. Hence three modes:
 * <ul>
 * <li><b>flowing</b>: tasks are queued (a backlog). The worker asks for its free slots with polls the server answers at
 * once, and only once half of its slots are free (or none is running), so that a poll brings several tasks: the server
 * pays for a poll per batch, not per task, and holds no poll open;</li>
 * <li><b>waiting</b>: the queue was drained lately. The worker keeps up to {@code long-polls} long polls for one task
 * open, started {@link #SPACING} apart so that the server's looks interleave: a new task waits less than the server's
 * 100 ms between looks. A task that had waited in the queue longer than that was there before the poll: more are
 * likely queued, and the worker flows again;</li>
 * <li><b>idle</b>: as many empty long polls in a row as it keeps open. The worker keeps a single long poll open, whose
 * timeout doubles after each empty poll up to the servers' limit of 5 s: an idle worker costs one request every few
 * seconds, and a new task is still picked up as soon as it is queued.</li>
 * </ul>
 * Not thread-safe: the poller calls it under its own lock.
 */
final class PollStrategy {

    /** Between two long polls opened together: a quarter of the server's 100 ms between queue checks. */
    static final Duration SPACING = Duration.ofMillis(25);

    /**
     * A task that waited longer than this in the queue was queued before the poll that brought it was sent: twice the
     * server's 100 ms between queue checks, so that a task found by a held poll never counts.
     */
    static final long BACKLOG_WAIT_MILLIS = 200;

    /** An empty long poll that came back sooner than half its timeout was not held by the server. */
    private static final Duration UNHELD_POLL_FLOOR = Duration.ofMillis(100);

    private enum Mode {
        FLOWING,
        WAITING,
        IDLE
    }

    private final WorkerSettings settings;
    private final int refillThreshold;
    private Mode mode = Mode.WAITING;
    private int emptyLongPolls;

    PollStrategy(WorkerSettings settings) {
        this.settings = settings;
        this.refillThreshold = Math.max(1, Math.min(settings.batchLimit(), (settings.concurrency() + 1) / 2));
    }

    /** A long poll brought a task that had waited {@code queueWaitMillis} in the server's queue. */
    void longPollBrought(long queueWaitMillis) {
        emptyLongPolls = 0;
        if (queueWaitMillis > BACKLOG_WAIT_MILLIS) {
            mode = Mode.FLOWING;
        } else if (mode == Mode.IDLE) {
            mode = Mode.WAITING;
        }
    }

    /** A long poll came back empty. */
    void longPollEmpty() {
        emptyLongPolls++;
        mode = emptyLongPolls >= settings.longPolls() ? Mode.IDLE : Mode.WAITING;
    }

    /** A short poll for {@code asked} tasks brought {@code received}: fewer means the queue is drained. */
    void shortPollBrought(int asked, int received) {
        if (received > 0) {
            emptyLongPolls = 0;
        }
        if (received < asked) {
            mode = Mode.WAITING;
        }
    }

    /** A poll failed: start over cautiously once it works again. */
    void pollFailed() {
        mode = Mode.WAITING;
        emptyLongPolls = 0;
    }

    boolean isFlowing() {
        return mode == Mode.FLOWING;
    }

    boolean isIdle() {
        return mode == Mode.IDLE;
    }

    /**
     * How many tasks to ask for now in a short poll: none unless flowing and half the slots are free, or nothing runs.
     *
     * @param free slots nobody holds or reserved
     * @param running tasks executing or reporting
     */
    int shortPollSize(int free, int running) {
        if (mode != Mode.FLOWING || free == 0 || free < refillThreshold && running > 0) {
            return 0;
        }
        return Math.min(free, settings.batchLimit());
    }

    /** How many long polls to keep open, counting those open already, with {@code available} slots for them. */
    int longPollsWanted(int available) {
        return switch (mode) {
            case FLOWING -> 0;
            case WAITING -> Math.min(settings.longPolls(), available);
            case IDLE -> Math.min(1, available);
        };
    }

    /**
     * When to send the long polls missing to reach {@link #longPollsWanted(int)}, in milliseconds from now: the first
     * at once if none is open, the others {@link #SPACING} apart after it (or after the ones open).
     *
     * @param open long polls open or planned already
     * @param available slots for long polls, those open included
     */
    long[] longPollDelays(int open, int available) {
        int missing = longPollsWanted(available) - open;
        if (missing <= 0) {
            return NONE;
        }
        long[] delays = new long[missing];
        for (int i = 0; i < missing; i++) {
            delays[i] = SPACING.toMillis() * (i + (open == 0 ? 0 : 1));
        }
        return delays;
    }

    private static final long[] NONE = new long[0];

    /** The timeout of the next long poll: the configured one, doubled for each empty poll once idle, up to 5 s. */
    Duration longPollTimeout() {
        Duration timeout = settings.longPollTimeout();
        if (mode != Mode.IDLE) {
            return timeout;
        }
        int doublings = emptyLongPolls - settings.longPolls() + 1;
        for (int i = 0; i < doublings && timeout.compareTo(WorkerSettingsResolver.MAX_LONG_POLL) < 0; i++) {
            timeout = timeout.multipliedBy(2);
        }
        return timeout.compareTo(WorkerSettingsResolver.MAX_LONG_POLL) > 0 ? WorkerSettingsResolver.MAX_LONG_POLL
                : timeout;
    }

    /**
     * How long to wait before the next poll after an empty long poll. Idle, {@code poll-interval}, doubled for each
     * further empty poll up to {@code max-poll-interval}: 0 by default, the long poll being the wait. A server that
     * answered long before the timeout did not hold the poll: then wait at least a little rather than spin.
     */
    long emptyPollDelayMillis(Duration timeout, Duration elapsed) {
        Duration base = isIdle() ? settings.pollInterval() : Duration.ZERO;
        if (base.isZero() && elapsed.multipliedBy(2).compareTo(timeout) < 0) {
            base = UNHELD_POLL_FLOOR;
        }
        if (base.isZero()) {
            return 0;
        }
        Duration max = settings.maxPollInterval().compareTo(base) < 0 ? base : settings.maxPollInterval();
        return new Backoff(base, max).delayMillis(Math.max(1, emptyLongPolls - settings.longPolls() + 1));
    }
}

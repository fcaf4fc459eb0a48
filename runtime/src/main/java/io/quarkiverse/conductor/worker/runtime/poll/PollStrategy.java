package io.quarkiverse.conductor.worker.runtime.poll;

import java.time.Duration;

/**
 * Decides how a worker polls, from what its polls brought lately. Conductor's batch poll holds the request until it has
 * <em>all</em> the tasks asked for or its timeout ends, and its SQL queues look for new tasks every 100 ms or so; hence:
 * <ul>
 * <li>while tasks flow, a worker keeps up to {@code long-polls} long polls for one task open, started
 * {@link #SPACING} apart so that the server's checks interleave and a new task waits less;</li>
 * <li>once a poll brought tasks, more are likely queued: the worker asks for all its free slots without waiting;</li>
 * <li>idle (as many empty long polls in a row as it keeps open), a worker keeps a single long poll open, whose timeout
 * doubles after each empty poll up to the servers' limit of 5 s: an idle worker costs one request every few seconds,
 * and a new task is still picked up as soon as it is queued.</li>
 * </ul>
 * Not thread-safe: the poller calls it under its own lock.
 */
final class PollStrategy {

    /** Between two long polls opened together: a quarter of the server's 100 ms between queue checks. */
    static final Duration SPACING = Duration.ofMillis(25);

    /** An empty long poll that came back sooner than half its timeout was not held by the server. */
    private static final Duration UNHELD_POLL_FLOOR = Duration.ofMillis(100);

    private final WorkerSettings settings;
    private boolean backlogLikely;
    private int emptyLongPolls;

    PollStrategy(WorkerSettings settings) {
        this.settings = settings;
    }

    /** A poll, or an update that handed out the next task, brought tasks. */
    void tasksArrived() {
        backlogLikely = true;
        emptyLongPolls = 0;
    }

    /** A poll for all free slots came back empty, or an update handed out no next task: the backlog is drained. */
    void backlogDrained() {
        backlogLikely = false;
    }

    /** A long poll came back empty. */
    void longPollEmpty() {
        backlogLikely = false;
        emptyLongPolls++;
    }

    /** A poll failed: start over cautiously once it works again. */
    void pollFailed() {
        backlogLikely = false;
    }

    /** Whether to ask for all free slots without waiting, rather than long-poll. */
    boolean backlogLikely() {
        return backlogLikely;
    }

    boolean isIdle() {
        return emptyLongPolls >= settings.longPolls();
    }

    /** How many long polls to keep open with {@code free} slots free (none of them reserved by a poll yet). */
    int longPollsWanted(int free) {
        return isIdle() ? Math.min(1, free) : Math.min(settings.longPolls(), free);
    }

    /** The timeout of the next long poll: the configured one, doubled for each empty poll once idle, up to 5 s. */
    Duration longPollTimeout() {
        Duration timeout = settings.longPollTimeout();
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

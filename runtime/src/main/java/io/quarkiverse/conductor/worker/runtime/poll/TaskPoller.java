package io.quarkiverse.conductor.worker.runtime.poll;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.jboss.logging.Logger;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.runtime.Worker;
import io.quarkiverse.conductor.worker.runtime.client.TaskApiClient;
import io.vertx.core.Vertx;

/**
 * Keeps one worker busy: polls the server for as many tasks as the worker has free slots, runs each task, sends its
 * result and, with the result, takes the next task. At most {@code concurrency} tasks of the worker are in flight.
 * <p>
 * The poll strategy follows how Conductor servers answer a batch poll: a long poll waits until it has <em>all</em> the
 * tasks asked for (or times out), so an idle worker long-polls for a single task, which returns as soon as one is
 * queued, and a busy worker asks for all its free slots without waiting.
 * <p>
 * All requests are non-blocking: no thread waits for the server. State changes are guarded by this object's monitor,
 * which is only ever held for a few field updates.
 */
final class TaskPoller {

    private static final Logger LOG = Logger.getLogger(TaskPoller.class);

    /** An empty long poll that came back sooner than this fraction of its timeout was not held by the server. */
    private static final Duration UNHELD_POLL_FLOOR = Duration.ofMillis(100);

    private enum State {
        NEW,
        ACTIVE,
        PAUSED,
        STOPPING,
        STOPPED
    }

    private final Worker worker;
    private final WorkerSettings settings;
    private final TaskApiClient client;
    private final ResultReporter reporter;
    private final ServerAvailability availability;
    private final Backoff errorBackoff;
    private final Executor executor;
    private final Vertx vertx;
    private final WorkerStats stats = new WorkerStats();
    private final Set<String> runningTaskIds = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    // guarded by this
    private State state = State.NEW;
    private int running;
    private final ArrayDeque<Task> waiting = new ArrayDeque<>();
    private boolean pollPending;
    private long pollTimer = -1;
    private boolean backlogLikely;
    private int emptyLongPolls;
    private int failedPolls;

    /**
     * @param executor where blocking methods run; {@code null} to run on the thread that received the task
     */
    TaskPoller(Worker worker, WorkerSettings settings, TaskApiClient client, ResultReporter reporter,
            ServerAvailability availability, Backoff errorBackoff, Executor executor, Vertx vertx) {
        this.worker = worker;
        this.settings = settings;
        this.client = client;
        this.reporter = reporter;
        this.availability = availability;
        this.errorBackoff = errorBackoff;
        this.executor = executor;
        this.vertx = vertx;
    }

    WorkerSettings settings() {
        return settings;
    }

    WorkerStats stats() {
        return stats;
    }

    Worker worker() {
        return worker;
    }

    private synchronized boolean isStopped() {
        return state == State.STOPPED;
    }

    /** The shutdown grace period is over: whatever still runs will end after the application. */
    synchronized void abandon() {
        state = State.STOPPED;
        stopped.complete(null);
    }

    synchronized boolean isPaused() {
        return state == State.PAUSED;
    }

    /** Ids of the tasks being executed or whose result is being sent. */
    Set<String> runningTaskIds() {
        return Set.copyOf(runningTaskIds);
    }

    void start() {
        synchronized (this) {
            if (state != State.NEW) {
                return;
            }
            state = settings.paused() ? State.PAUSED : State.ACTIVE;
        }
        pollIfPossible();
    }

    /** Stops polling; tasks already running finish and report. */
    void pause() {
        synchronized (this) {
            if (state == State.ACTIVE) {
                state = State.PAUSED;
                cancelPollTimer();
            }
        }
    }

    void resume() {
        synchronized (this) {
            if (state != State.PAUSED) {
                return;
            }
            state = State.ACTIVE;
        }
        pollIfPossible();
    }

    /**
     * Stops polling. A poll already sent is let finish, so that the tasks it may bring are run rather than lost; the
     * returned stage completes when no task is left to run or report.
     */
    CompletionStage<Void> stop() {
        synchronized (this) {
            if (state != State.STOPPED) {
                state = State.STOPPING;
                cancelPollTimer();
                completeStopIfIdle();
            }
        }
        return stopped;
    }

    private void pollIfPossible() {
        int count;
        Duration timeout;
        synchronized (this) {
            if (state != State.ACTIVE || pollPending) {
                return;
            }
            int free = settings.concurrency() - running - waiting.size();
            if (free <= 0) {
                return;
            }
            pollPending = true;
            if (backlogLikely) {
                count = Math.min(free, settings.batchLimit());
                timeout = Duration.ZERO;
            } else {
                count = 1;
                timeout = settings.longPollTimeout();
            }
        }
        stats.polled();
        long sentAt = System.nanoTime();
        client.poll(settings.taskName(), settings.workerId(), settings.domain(), count, timeout)
                .subscribe().with(tasks -> onPolled(tasks, timeout, sentAt), this::onPollFailed);
    }

    private void onPolled(List<Task> tasks, Duration timeout, long sentAt) {
        availability.succeeded();
        List<Task> toRun = null;
        long delay = 0;
        synchronized (this) {
            pollPending = false;
            failedPolls = 0;
            if (tasks.isEmpty()) {
                backlogLikely = false;
                if (!timeout.isZero()) {
                    emptyLongPolls++;
                    delay = emptyPollDelay(timeout, Duration.ofNanos(System.nanoTime() - sentAt));
                }
            } else {
                backlogLikely = true;
                emptyLongPolls = 0;
                toRun = new ArrayList<>(tasks.size());
                for (Task task : tasks) {
                    // a server may hand out more than asked for: the extra tasks wait for a free slot
                    if (running < settings.concurrency()) {
                        running++;
                        toRun.add(task);
                    } else {
                        waiting.add(task);
                    }
                }
            }
        }
        if (toRun != null) {
            toRun.forEach(this::execute);
        }
        if (delay > 0) {
            schedulePoll(delay);
        } else {
            pollIfPossible();
            synchronized (this) {
                completeStopIfIdle();
            }
        }
    }

    /**
     * After an empty long poll, the configured poll interval, doubled for each further empty poll. A server that
     * answered long before the timeout did not hold the poll: then wait at least a little, rather than spin.
     */
    private long emptyPollDelay(Duration timeout, Duration elapsed) {
        Duration base = settings.pollInterval();
        if (base.isZero() && elapsed.multipliedBy(2).compareTo(timeout) < 0) {
            base = UNHELD_POLL_FLOOR;
        }
        return new Backoff(base, settings.maxPollInterval().compareTo(base) < 0 ? base : settings.maxPollInterval())
                .delayMillis(emptyLongPolls);
    }

    private void onPollFailed(Throwable failure) {
        availability.failed("polling task " + settings.taskName(), failure);
        long delay;
        synchronized (this) {
            pollPending = false;
            backlogLikely = false;
            failedPolls++;
            delay = errorBackoff.delayMillis(failedPolls);
        }
        schedulePoll(delay);
    }

    private void schedulePoll(long delayMillis) {
        synchronized (this) {
            if (state != State.ACTIVE || pollPending) {
                completeStopIfIdle();
                return;
            }
            pollPending = true;
            pollTimer = vertx.setTimer(Math.max(1, delayMillis), id -> {
                synchronized (this) {
                    if (pollTimer != id) {
                        return;
                    }
                    pollTimer = -1;
                    pollPending = false;
                }
                pollIfPossible();
            });
        }
    }

    // guarded by this
    private void cancelPollTimer() {
        if (pollTimer != -1) {
            vertx.cancelTimer(pollTimer);
            pollTimer = -1;
            pollPending = false;
        }
    }

    private void execute(Task task) {
        runningTaskIds.add(task.getTaskId());
        if (executor == null) {
            worker.execute(task).subscribe().with(result -> report(task, result),
                    failure -> report(task, unexpected(task, failure)));
            return;
        }
        try {
            executor.execute(() -> {
                TaskResult result;
                try {
                    result = worker.executeBlocking(task);
                } catch (RuntimeException | Error e) {
                    result = unexpected(task, e);
                }
                report(task, result);
            });
        } catch (RejectedExecutionException e) {
            LOG.warnf("Task %s (%s) could not start: the application is stopping. The server hands it out again after"
                    + " its response timeout.", task.getTaskId(), settings.taskName());
            onTaskDone(task, false, null);
        }
    }

    /** The worker maps every outcome to a result; this only guards the slot against a bug. */
    private TaskResult unexpected(Task task, Throwable failure) {
        if (isStopped()) {
            LOG.debugf(failure, "Task %s ended after the application stopped", task.getTaskId());
        } else {
            LOG.errorf(failure, "Unexpected failure running task %s", task.getTaskId());
        }
        return TaskResult.failed(task, "Unexpected failure: " + failure);
    }

    private void report(Task task, TaskResult result) {
        stats.finished(result.getStatus());
        boolean takeNext;
        synchronized (this) {
            takeNext = state == State.ACTIVE && waiting.isEmpty();
        }
        reporter.report(task, result, settings.workerId(), takeNext, next -> onTaskDone(task, takeNext, next));
    }

    private void onTaskDone(Task task, boolean askedForNext, Task next) {
        runningTaskIds.remove(task.getTaskId());
        Task toRun;
        synchronized (this) {
            if (askedForNext) {
                backlogLikely = next != null;
            }
            toRun = next != null ? next : waiting.poll();
            if (toRun == null) {
                running--;
            }
        }
        if (toRun != null) {
            // the slot passes to the next task without a poll
            execute(toRun);
        } else {
            pollIfPossible();
        }
        synchronized (this) {
            completeStopIfIdle();
        }
    }

    // guarded by this
    private void completeStopIfIdle() {
        if (state == State.STOPPING && running == 0 && waiting.isEmpty() && !pollPending) {
            state = State.STOPPED;
            stopped.complete(null);
        }
    }

    @Override
    public String toString() {
        return "TaskPoller[" + settings.taskName() + "]";
    }
}

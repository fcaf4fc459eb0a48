package io.quarkiverse.conductor.worker.runtime.poll;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
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
 * result and, with the result, takes the next task. At most {@code concurrency} tasks of the worker are in flight, polls
 * included: a poll reserves the slots of the tasks it asks for. How to poll is the {@link PollStrategy}'s call.
 * <p>
 * All requests are non-blocking: no thread waits for the server. State changes are guarded by this object's monitor,
 * which is only ever held for a few field updates.
 */
final class TaskPoller {

    private static final Logger LOG = Logger.getLogger(TaskPoller.class);

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
    private final PollStrategy strategy;
    private int running;
    private final ArrayDeque<Task> waiting = new ArrayDeque<>();
    private int openLongPolls;
    private final Set<Long> plannedLongPolls = new HashSet<>();
    private int shortPollSlots;
    private long pauseTimer = -1;
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
        this.strategy = new PollStrategy(settings);
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
                cancelTimers();
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
                cancelTimers();
                completeStopIfIdle();
            }
        }
        return stopped;
    }

    private enum Kind {
        /** For one task, held by the server until one is queued or the timeout ends. */
        LONG,
        /** For all free slots, answered at once with what is queued. */
        SHORT
    }

    private void pollIfPossible() {
        int shortPoll = 0;
        boolean longPollNow = false;
        synchronized (this) {
            if (state != State.ACTIVE || pauseTimer != -1) {
                return;
            }
            int free = settings.concurrency() - running - waiting.size() - reservedSlots();
            if (free <= 0) {
                return;
            }
            if (strategy.backlogLikely()) {
                if (shortPollSlots == 0) {
                    shortPoll = Math.min(free, settings.batchLimit());
                    shortPollSlots = shortPoll;
                }
            } else {
                int open = openLongPolls + plannedLongPolls.size();
                int missing = strategy.longPollsWanted(free + open) - open;
                for (int i = 0; i < missing; i++) {
                    if (open == 0 && i == 0) {
                        openLongPolls++;
                        longPollNow = true;
                    } else {
                        planLongPoll(PollStrategy.SPACING.toMillis() * (i + (open == 0 ? 0 : 1)));
                    }
                }
            }
        }
        if (shortPoll > 0) {
            send(Kind.SHORT, shortPoll, Duration.ZERO);
        }
        if (longPollNow) {
            sendLongPoll();
        }
    }

    // guarded by this
    private int reservedSlots() {
        return openLongPolls + plannedLongPolls.size() + shortPollSlots;
    }

    // guarded by this
    private void planLongPoll(long delayMillis) {
        // the timer cannot fire before it is added: its handler needs this monitor
        plannedLongPolls.add(vertx.setTimer(Math.max(1, delayMillis), id -> {
            synchronized (this) {
                if (!plannedLongPolls.remove(id) || state != State.ACTIVE) {
                    return;
                }
                openLongPolls++;
            }
            sendLongPoll();
        }));
    }

    private void sendLongPoll() {
        Duration timeout;
        synchronized (this) {
            timeout = strategy.longPollTimeout();
        }
        send(Kind.LONG, 1, timeout);
    }

    private void send(Kind kind, int count, Duration timeout) {
        stats.polled();
        long sentAt = System.nanoTime();
        client.poll(settings.taskName(), settings.workerId(), settings.domain(), count, timeout)
                .subscribe().with(tasks -> onPolled(kind, tasks, timeout, sentAt), failure -> onPollFailed(kind, failure));
    }

    private void onPolled(Kind kind, List<Task> tasks, Duration timeout, long sentAt) {
        availability.succeeded();
        List<Task> toRun = null;
        long delay = 0;
        synchronized (this) {
            release(kind);
            failedPolls = 0;
            if (tasks.isEmpty()) {
                if (kind == Kind.LONG) {
                    strategy.longPollEmpty();
                    delay = strategy.emptyPollDelayMillis(timeout, Duration.ofNanos(System.nanoTime() - sentAt));
                } else {
                    strategy.backlogDrained();
                }
            } else {
                strategy.tasksArrived();
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
            pausePolling(delay);
        } else {
            pollIfPossible();
        }
        synchronized (this) {
            completeStopIfIdle();
        }
    }

    private void onPollFailed(Kind kind, Throwable failure) {
        availability.failed("polling task " + settings.taskName(), failure);
        long delay;
        synchronized (this) {
            release(kind);
            strategy.pollFailed();
            failedPolls++;
            delay = errorBackoff.delayMillis(failedPolls);
        }
        pausePolling(delay);
        synchronized (this) {
            completeStopIfIdle();
        }
    }

    // guarded by this
    private void release(Kind kind) {
        if (kind == Kind.LONG) {
            openLongPolls--;
        } else {
            shortPollSlots = 0;
        }
    }

    /** No new poll for {@code delayMillis}: after empty polls (when configured) and after failures. */
    private void pausePolling(long delayMillis) {
        synchronized (this) {
            if (state != State.ACTIVE || pauseTimer != -1) {
                return;
            }
            pauseTimer = vertx.setTimer(Math.max(1, delayMillis), id -> {
                synchronized (this) {
                    if (pauseTimer != id) {
                        return;
                    }
                    pauseTimer = -1;
                }
                pollIfPossible();
            });
        }
    }

    // guarded by this
    private void cancelTimers() {
        if (pauseTimer != -1) {
            vertx.cancelTimer(pauseTimer);
            pauseTimer = -1;
        }
        for (long timer : plannedLongPolls) {
            vertx.cancelTimer(timer);
        }
        plannedLongPolls.clear();
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
            if (next != null) {
                strategy.tasksArrived();
            } else if (askedForNext) {
                strategy.backlogDrained();
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
        if (state == State.STOPPING && running == 0 && waiting.isEmpty() && openLongPolls == 0
                && shortPollSlots == 0) {
            state = State.STOPPED;
            stopped.complete(null);
        }
    }

    @Override
    public String toString() {
        return "TaskPoller[" + settings.taskName() + "]";
    }
}

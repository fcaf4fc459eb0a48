package io.quarkiverse.conductor.worker.runtime.poll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.quarkiverse.conductor.worker.WorkerInfo;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.runtime.TaskScope;
import io.quarkiverse.conductor.worker.runtime.Worker;
import io.quarkiverse.conductor.worker.runtime.client.Backoff;
import io.quarkiverse.conductor.worker.runtime.client.RequestFailure;
import io.quarkiverse.conductor.worker.runtime.client.TaskApiClient;
import io.quarkiverse.conductor.worker.runtime.poll.Slots.Admission;
import io.quarkiverse.conductor.worker.runtime.poll.Slots.Poll;
import io.quarkiverse.conductor.worker.runtime.poll.WorkerEvents.PollKind;
import io.quarkiverse.conductor.worker.runtime.tracing.TaskTracing;
import io.vertx.core.Vertx;

/**
 * Keeps one worker busy: polls the server for as many tasks as the worker has free slots, runs each task
 * ({@link TaskExecution}), has its result sent ({@link ResultReporter}) and polls again. Who holds which slot is
 * {@link Slots}' business, how to poll the {@link PollStrategy}'s.
 * <p>
 * Every callback ends with the slots in order and polling going on, whatever it met: a task without an id, an answer
 * that cannot be read, an exception from a listener or from a bug. No thread waits for the server; the monitor of this
 * object guards the slots, the strategy and the timers, and is only ever held for a few field updates.
 */
final class TaskPoller {

    private static final Logger LOG = Logger.getLogger(TaskPoller.class);

    private final Worker worker;
    private final WorkerSettings settings;
    private final TaskApiClient client;
    private final ResultReporter reporter;
    private final ServerAvailability availability;
    private final Backoff errorBackoff;
    private final Executor executor;
    private final Vertx vertx;
    private final TaskTracing tracing;
    private final WorkerStats stats = new WorkerStats();
    private final WorkerEvents events;
    private final Set<TaskExecution> executions = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    // guarded by this
    private final Slots<Task> slots;
    private final PollStrategy strategy;
    private final Set<Long> plannedLongPolls = new HashSet<>();
    private long pauseTimer = -1;
    private long pausedTicker = -1;
    private int failedPolls;
    private volatile long lastPollActivityNanos = System.nanoTime();
    private RequestFailure.Kind lastPollFailure;

    /**
     * @param executor where blocking methods run; {@code null} to run on the thread that received the task
     * @param listeners told what the worker does, besides its own {@link #stats()}
     */
    TaskPoller(Worker worker, WorkerSettings settings, TaskApiClient client, ResultReporter reporter,
            ServerAvailability availability, Backoff errorBackoff, Executor executor, Vertx vertx,
            List<WorkerEvents> listeners, TaskTracing tracing) {
        this.tracing = tracing;
        this.worker = worker;
        this.settings = settings;
        this.client = client;
        this.reporter = reporter;
        this.availability = availability;
        this.errorBackoff = errorBackoff;
        this.executor = executor;
        this.vertx = vertx;
        List<WorkerEvents> all = new ArrayList<>(listeners.size() + 1);
        all.add(stats);
        all.addAll(listeners);
        this.events = new GuardedEvents(all);
        this.slots = new Slots<>(settings.concurrency());
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

    synchronized boolean isPaused() {
        return slots.state() == Slots.State.PAUSED;
    }

    /** Tasks executing or whose result is being sent. */
    synchronized int running() {
        return slots.running();
    }

    /** Tasks handed out beyond what was asked, waiting for a slot. */
    synchronized int waiting() {
        return slots.waiting();
    }

    /** What the worker is doing. */
    synchronized WorkerInfo.State state() {
        return switch (slots.state()) {
            case NEW, ACTIVE -> failedPolls > 0 ? WorkerInfo.State.BACKING_OFF : WorkerInfo.State.POLLING;
            case PAUSED -> WorkerInfo.State.PAUSED;
            case STOPPING, STOPPED -> WorkerInfo.State.STOPPED;
        };
    }

    /**
     * Whether the worker should be polling and is not: it is active, has a free slot, no poll open or planned, no
     * back-off or pause under way, and sent no poll for {@code quiet}. Only a bug leaves a poller so; a restart ends it.
     */
    synchronized boolean isStuck(Duration quiet) {
        return slots.state() == Slots.State.ACTIVE && slots.free() > 0 && slots.longPolls() == 0
                && slots.plannedLongPolls() == 0 && slots.shortPollPlaces() == 0 && pauseTimer == -1
                && System.nanoTime() - lastPollActivityNanos > quiet.toNanos();
    }

    void start() {
        synchronized (this) {
            if (!slots.start(settings.paused())) {
                return;
            }
            if (settings.paused()) {
                startPausedTicker();
            }
        }
        pollIfPossible();
    }

    /** Stops polling; tasks already running finish and report. */
    void pause() {
        synchronized (this) {
            if (slots.pause()) {
                cancelTimers();
                startPausedTicker();
            }
        }
    }

    void resume() {
        synchronized (this) {
            if (!slots.resume()) {
                return;
            }
            stopPausedTicker();
        }
        pollIfPossible();
    }

    // guarded by this
    private void startPausedTicker() {
        if (pausedTicker == -1) {
            pausedTicker = vertx.setPeriodic(1000, id -> events.paused(settings.taskName()));
        }
    }

    // guarded by this
    private void stopPausedTicker() {
        if (pausedTicker != -1) {
            vertx.cancelTimer(pausedTicker);
            pausedTicker = -1;
        }
    }

    /**
     * Stops polling. A poll already sent is let finish, so that the tasks it may bring are run rather than lost; tasks
     * that wait for a slot run as slots free up. The returned stage completes when no task is left to run or report.
     */
    CompletionStage<Void> stop() {
        synchronized (this) {
            if (slots.state() != Slots.State.STOPPED) {
                slots.stop();
                cancelTimers();
            }
        }
        completeStopIfIdle();
        return stopped;
    }

    /** What was still held when the shutdown grace period ended. */
    record Abandoned(String taskName, List<String> running, List<String> unstarted) {
        boolean isEmpty() {
            return running.isEmpty() && unstarted.isEmpty();
        }
    }

    /**
     * The shutdown grace period is over: nothing starts any more. Returns the ids of the tasks still running and of
     * those that waited for a slot and will not run.
     */
    Abandoned abandon() {
        List<Task> unstarted;
        synchronized (this) {
            unstarted = slots.abandon();
            cancelTimers();
        }
        stopped.complete(null);
        return new Abandoned(settings.taskName(), executions.stream().map(e -> describe(e.task()))
                .sorted().toList(), unstarted.stream().map(TaskPoller::describe).toList());
    }

    private static String describe(Task task) {
        return task.getTaskId() + " (workflow " + task.getWorkflowInstanceId() + ")";
    }

    private void pollIfPossible() {
        int shortPoll = 0;
        boolean longPollNow = false;
        synchronized (this) {
            if (!slots.polling() || pauseTimer != -1) {
                return;
            }
            int size = strategy.shortPollSize(slots.free(), slots.running());
            if (size > 0) {
                shortPoll = slots.reserveShortPoll(size);
            }
            int open = slots.longPolls() + slots.plannedLongPolls();
            for (long delay : strategy.longPollDelays(open, slots.free() + open)) {
                if (delay == 0) {
                    longPollNow = slots.reserveLongPoll();
                } else if (slots.planLongPoll()) {
                    planLongPoll(delay);
                }
            }
        }
        if (shortPoll > 0) {
            send(Poll.SHORT, shortPoll, Duration.ZERO);
        }
        if (longPollNow) {
            sendLongPoll();
        }
    }

    // guarded by this
    private void planLongPoll(long delayMillis) {
        // the timer cannot fire before it is added: its handler needs this monitor
        plannedLongPolls.add(vertx.setTimer(Math.max(1, delayMillis), id -> {
            synchronized (this) {
                if (!plannedLongPolls.remove(id) || !slots.sendPlannedLongPoll()) {
                    return;
                }
            }
            sendLongPoll();
        }));
    }

    private void sendLongPoll() {
        Duration timeout;
        synchronized (this) {
            timeout = strategy.longPollTimeout();
        }
        send(Poll.LONG, 1, timeout);
    }

    private void send(Poll poll, int count, Duration timeout) {
        long sentAt = System.nanoTime();
        lastPollActivityNanos = sentAt;
        try {
            client.poll(settings.taskName(), settings.workerId(), settings.domain(), count, timeout)
                    .onComplete(polled -> {
                        if (polled.succeeded()) {
                            onPolled(poll, count, polled.result(), timeout, sentAt);
                        } else {
                            onPollFailed(poll, polled.cause(), sentAt);
                        }
                    });
        } catch (RuntimeException | Error e) {
            onPollFailed(poll, e, sentAt);
        }
    }

    private void onPolled(Poll poll, int asked, List<Task> tasks, Duration timeout, long sentAt) {
        lastPollActivityNanos = System.nanoTime();
        long elapsed = lastPollActivityNanos - sentAt;
        Admission<Task> admission = null;
        long delay = 0;
        try {
            synchronized (this) {
                // first, so that whatever follows, the poll's reservation has ended and its tasks are accounted for
                admission = slots.admit(poll, tasks);
                failedPolls = 0;
                lastPollFailure = null;
                if (poll == Poll.SHORT) {
                    strategy.shortPollBrought(asked, tasks.size());
                } else if (tasks.isEmpty()) {
                    strategy.longPollEmpty();
                    delay = strategy.emptyPollDelayMillis(timeout, Duration.ofNanos(elapsed));
                } else {
                    strategy.longPollBrought(queueWaitMillis(tasks.get(0)));
                }
            }
            availability.succeeded();
            events.polled(settings.taskName(), kind(poll), tasks.size(), elapsed);
            for (int i = admission.run().size() + admission.refused().size(); i < tasks.size(); i++) {
                events.queueFull(settings.taskName());
            }
            for (Task task : admission.refused()) {
                TaskScope.withTaskInMdc(task, () -> LOG.warnf("Task %s (%s) arrived after the shutdown grace period and"
                        + " is not run; the server hands it out again after its response timeout", describe(task),
                        settings.taskName()));
            }
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "Unexpected failure handling an answer to a poll for %s", settings.taskName());
        } finally {
            if (admission != null) {
                admission.run().forEach(this::run);
            }
            if (delay > 0) {
                pausePolling(delay);
            } else {
                pollIfPossible();
            }
            completeStopIfIdle();
        }
    }

    /** How long the task waited in the server's queue before a poll took it: {@code startTime - scheduledTime}. */
    private static long queueWaitMillis(Task task) {
        if (task.getPollCount() > 1 || task.getScheduledTime() <= 0 || task.getStartTime() <= 0) {
            // a task called back or retried: its times tell nothing about the queue now
            return 0;
        }
        return task.getStartTime() - task.getScheduledTime();
    }

    private void onPollFailed(Poll poll, Throwable failure, long sentAt) {
        lastPollActivityNanos = System.nanoTime();
        long delay = 0;
        try {
            boolean firstOfKind;
            boolean stopped;
            synchronized (this) {
                stopped = slots.state() == Slots.State.STOPPING || slots.state() == Slots.State.STOPPED;
                slots.pollFailed(poll);
                strategy.pollFailed();
                failedPolls++;
                delay = errorBackoff.delayMillis(failedPolls);
                RequestFailure.Kind kind = failure instanceof RequestFailure request ? request.kind() : null;
                firstOfKind = kind != lastPollFailure;
                lastPollFailure = kind;
            }
            if (stopped) {
                // the application stops: its HTTP client closes, and a poll still out fails with it; no outage
                LOG.debugf("A poll for %s sent before the workers stopped failed: %s", settings.taskName(),
                        TaskApiClient.describe(failure));
            } else {
                logPollFailure(failure, firstOfKind);
            }
            events.pollFailed(settings.taskName(), kind(poll), failure, System.nanoTime() - sentAt);
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "Unexpected failure handling a failed poll for %s", settings.taskName());
            delay = Math.max(delay, 1000);
        } finally {
            pausePolling(delay);
            completeStopIfIdle();
        }
    }

    /**
     * A server that cannot be reached is the {@link ServerAvailability}'s to tell, once for all workers. An answer that
     * makes no sense, or a refusal, is not an outage: it is told once at ERROR for each run of such failures, with what
     * the server said, since only someone fixing the configuration or the server can end it.
     */
    private void logPollFailure(Throwable failure, boolean firstOfKind) {
        if (!(failure instanceof RequestFailure request)) {
            LOG.errorf(failure, "Unexpected failure polling for %s", settings.taskName());
            return;
        }
        switch (request.kind()) {
            case UNAVAILABLE, TLS, PROXY -> availability.failed("polling for " + settings.taskName(), request);
            case REFUSED -> {
                availability.refused(request.getMessage() + (client.isAuthenticated()
                        ? " (the access token is being renewed)"
                        : " (no access key is configured)"));
                if (client.isAuthenticated()) {
                    LOG.debugf("The poll for %s was refused, the access token is being renewed: %s", settings.taskName(),
                            request.getMessage());
                } else if (firstOfKind) {
                    LOG.errorf("The Conductor server at %s refuses the polls for %s (%s): it needs credentials. Set"
                            + " quarkus.conductor.auth.key-id and key-secret (or CONDUCTOR_AUTH_KEY and"
                            + " CONDUCTOR_AUTH_SECRET); polling goes on with back-off", availability.server(),
                            settings.taskName(), request.getMessage());
                }
            }
            case UNREADABLE -> {
                if (firstOfKind) {
                    LOG.errorf("The answer to a poll for %s cannot be read: %s. Is quarkus.conductor.server-url (%s) the"
                            + " API of a Conductor server? Polling goes on with back-off", settings.taskName(),
                            request.getMessage(), availability.server());
                }
            }
            case REJECTED -> {
                if (firstOfKind) {
                    LOG.errorf("The Conductor server at %s rejects the polls for %s: %s. Polling goes on with back-off",
                            availability.server(), settings.taskName(), request.getMessage());
                }
            }
        }
        if (!firstOfKind && request.kind() != RequestFailure.Kind.UNAVAILABLE && !request.isConnectionProblem()) {
            LOG.debugf("Poll for %s failed again: %s", settings.taskName(), request.getMessage());
        }
    }

    private static PollKind kind(Poll poll) {
        return poll == Poll.LONG ? PollKind.LONG : PollKind.SHORT;
    }

    /** No new poll for {@code delayMillis}: after empty polls (when configured) and after failures. */
    private void pausePolling(long delayMillis) {
        synchronized (this) {
            if (!slots.polling() || pauseTimer != -1) {
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
        if (slots.state() != Slots.State.PAUSED) {
            stopPausedTicker();
        }
        if (pauseTimer != -1) {
            vertx.cancelTimer(pauseTimer);
            pauseTimer = -1;
        }
        for (long timer : plannedLongPolls) {
            vertx.cancelTimer(timer);
        }
        plannedLongPolls.clear();
        slots.cancelPlannedLongPolls();
    }

    /** Runs {@code task}, which holds a slot; the slot is given back once its result is sent or given up. */
    private void run(Task task) {
        TaskExecution execution = null;
        try {
            execution = new TaskExecution(task, worker, settings, executor, vertx, client, events, tracing,
                    this::executed);
            executions.add(execution);
            execution.start();
        } catch (RuntimeException | Error e) {
            // a bug: report the task failed, so that the server retries it now rather than after its response timeout
            TaskScope.withTaskInMdc(task, () -> LOG.errorf(e, "Unexpected failure starting task %s (%s)",
                    describe(task), settings.taskName()));
            if (execution == null) {
                taskDone(null, task, false);
            } else {
                executed(execution, worker.results().unexpected(task, e));
            }
        }
    }

    private void executed(TaskExecution execution, TaskResult result) {
        Task task = execution.task();
        if (result == null) {
            TaskScope.withTaskInMdc(task, () -> LOG.warnf("Task %s (%s) could not start: the application is stopping."
                    + " The server hands it out again after its response timeout.", describe(task), settings.taskName()));
            taskDone(execution, task, false);
            return;
        }
        try {
            reporter.report(execution, result, settings.workerId(), events,
                    outcome -> taskDone(execution, task, outcome == ResultReporter.Outcome.SENT));
        } catch (RuntimeException | Error e) {
            TaskScope.withTaskInMdc(task, () -> LOG.errorf(e, "Unexpected failure sending the result of task %s (%s)",
                    describe(task), settings.taskName()));
            taskDone(execution, task, false);
        }
    }

    /** The task has reported, or will not: its slot passes to a waiting task or comes back. */
    private void taskDone(TaskExecution execution, Task task, boolean reported) {
        Task next = null;
        try {
            if (execution != null) {
                executions.remove(execution);
                execution.finished(reported);
            }
            synchronized (this) {
                next = slots.finish();
            }
        } catch (RuntimeException | Error e) {
            TaskScope.withTaskInMdc(task, () -> LOG.errorf(e, "Unexpected failure ending task %s (%s)", describe(task),
                    settings.taskName()));
        } finally {
            if (next != null) {
                // the slot passes to the next task without a poll
                run(next);
            } else {
                pollIfPossible();
            }
            completeStopIfIdle();
        }
    }

    private void completeStopIfIdle() {
        boolean complete;
        synchronized (this) {
            complete = slots.completeStop();
        }
        if (complete) {
            stopped.complete(null);
        }
    }

    /** The tasks held, for the Dev UI and tests: running, then waiting. */
    synchronized String describeSlots() {
        return slots.toString();
    }

    /** Ids of the tasks running now. */
    Set<String> runningTaskIds() {
        return executions.stream().map(execution -> execution.task().getTaskId()).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String toString() {
        return "TaskPoller[" + settings.taskName() + "]";
    }
}

package io.quarkiverse.conductor.worker.runtime.poll;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.runtime.Outcome;
import io.quarkiverse.conductor.worker.runtime.TaskScope;
import io.quarkiverse.conductor.worker.runtime.Worker;
import io.quarkiverse.conductor.worker.runtime.client.TaskApiClient;
import io.quarkiverse.conductor.worker.runtime.tracing.TaskTracing;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

/**
 * One run of one task: starts the worker method on its executor, and ends with exactly one result, whatever happens.
 * While the method runs, the task's lease is extended before the server would time it out; if it runs past the worker's
 * {@code execution-timeout}, the task fails, the method's thread is interrupted (or its {@code Uni} cancelled), and what
 * the method returns later is dropped.
 */
final class TaskExecution implements ResultReporter.Source {

    /** Told once how the run ended. */
    interface Done {
        /** @param result the result to report, or {@code null} if the task could not start */
        void executed(TaskExecution execution, TaskResult result);
    }

    private static final Logger LOG = Logger.getLogger(TaskExecution.class);

    /** A lease is extended at this share of the task's response timeout, as the Conductor SDKs do. */
    private static final double LEASE_SHARE = 0.8;
    private static final long MIN_LEASE_PERIOD_MILLIS = 500;

    private final Task task;
    private final Worker worker;
    private final WorkerSettings settings;
    private final Executor executor;
    private final Vertx vertx;
    private final TaskApiClient client;
    private final WorkerEvents events;
    private final Done whenDone;
    private final TaskTracing.TracedTask traced;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile TaskResult result;
    private volatile Throwable failure;
    private final long receivedNanos = System.nanoTime();
    private volatile long startedNanos;
    private volatile long leaseRenewedNanos = receivedNanos;
    // the thread running a blocking method; interrupting it is done under this object's monitor, so that a thread that
    // has moved on to other work is never interrupted
    private Thread thread;
    private volatile Cancellable pending;
    private volatile long timeoutTimer = -1;
    private volatile long leaseTimer = -1;

    /**
     * @param executor where a blocking method runs; {@code null} to run it on the event loop, which a method
     *        returning {@code Uni} or {@code CompletionStage} must not block
     * @param whenDone told once how the run ended
     */
    TaskExecution(Task task, Worker worker, WorkerSettings settings, Executor executor, Vertx vertx,
            TaskApiClient client, WorkerEvents events, TaskTracing tracing, Done whenDone) {
        this.traced = tracing.start(task);
        this.task = task;
        this.worker = worker;
        this.settings = settings;
        this.executor = executor;
        this.vertx = vertx;
        this.client = client;
        this.events = events;
        this.whenDone = whenDone;
    }

    @Override
    public Task task() {
        return task;
    }

    /**
     * Until when a result is worth sending: the task's response timeout after it was polled, or after its lease was
     * last extended. After that the server times the task out and hands it out again. {@code Long.MAX_VALUE} when the
     * task has no response timeout.
     */
    @Override
    public long resultDeadlineNanos() {
        long timeout = task.getResponseTimeoutSeconds();
        return timeout <= 0 ? Long.MAX_VALUE : leaseRenewedNanos + TimeUnit.SECONDS.toNanos(timeout);
    }

    void start() {
        startedNanos = System.nanoTime();
        events.executionStarted(task);
        Duration timeout = settings.executionTimeout();
        if (timeout != null) {
            timeoutTimer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> timedOut(timeout));
        }
        long responseTimeout = task.getResponseTimeoutSeconds();
        if (settings.leaseExtension() && responseTimeout > 0) {
            long period = Math.max(MIN_LEASE_PERIOD_MILLIS, (long) (responseTimeout * 1000 * LEASE_SHARE));
            leaseTimer = vertx.setPeriodic(period, id -> extendLease());
        }
        // a Vert.x context of the task's own, current wherever the method runs: Quarkus keeps the MDC in the current
        // duplicated context, so that the task is in the MDC of what the method logs, also once a Uni of it comes back on
        // the event loop, and in no other task's
        ContextInternal context = (ContextInternal) VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        if (executor == null) {
            context.runOnContext(ignored -> {
                try (TaskTracing.Scope span = traced.activate()) {
                    runHere();
                }
            });
            return;
        }
        try {
            executor.execute(() -> context.dispatch(ignored -> {
                try (TaskTracing.Scope span = traced.activate()) {
                    runBlocking();
                }
            }));
        } catch (RejectedExecutionException e) {
            notStarted();
        }
    }

    private void runHere() {
        if (done.get()) {
            // timed out before it could start
            return;
        }
        try {
            pending = worker.execute(task, this::complete);
        } catch (RuntimeException | Error e) {
            unexpected(e);
        }
    }

    private void runBlocking() {
        synchronized (this) {
            if (done.get()) {
                return;
            }
            thread = Thread.currentThread();
        }
        try {
            worker.execute(task, this::complete);
        } catch (RuntimeException | Error e) {
            unexpected(e);
        } finally {
            synchronized (this) {
                thread = null;
            }
            // an interrupt meant for this task must not reach the next one on this thread
            Thread.interrupted();
        }
    }

    private void complete(Outcome outcome) {
        if (done.compareAndSet(false, true)) {
            stopTimers();
            events.executed(task, outcome.result(), outcome.failure(), System.nanoTime() - startedNanos);
            report(outcome.result(), outcome.failure());
        } else {
            LOG.debugf("Task %s (%s) returned after its execution timeout: %s is dropped", task.getTaskId(),
                    task.getTaskType(), outcome.result());
        }
    }

    /** The worker maps every outcome to a result; this only guards the slot against a bug. */
    private void unexpected(Throwable failure) {
        if (done.get()) {
            LOG.debugf(failure, "Task %s (%s) failed after its execution timeout", task.getTaskId(), task.getTaskType());
            return;
        }
        TaskScope.withTaskInMdc(task, () -> LOG.errorf(failure, "Unexpected failure running task %s (%s)",
                task.getTaskId(), task.getTaskType()));
        complete(new Outcome(worker.results().unexpected(task, failure), failure));
    }

    /** Hands the result over to be sent, with the task's span current: the request that sends it is its child. */
    private void report(TaskResult result, Throwable failure) {
        this.result = result;
        this.failure = failure;
        try (TaskTracing.Scope span = traced.activate()) {
            whenDone.executed(this, result);
        }
    }

    /** The task is done: its result was sent, or given up, or it never started. */
    void finished(boolean reported) {
        traced.end(result, failure, reported);
    }

    private void notStarted() {
        if (done.compareAndSet(false, true)) {
            stopTimers();
            whenDone.executed(this, null);
        }
    }

    private void timedOut(Duration timeout) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        stopTimers();
        synchronized (this) {
            if (thread != null) {
                thread.interrupt();
            }
        }
        Cancellable running = pending;
        if (running != null) {
            running.cancel();
        }
        TaskResult timedOut = worker.results().timedOut(task, timeout, executor != null);
        TaskScope.withTaskInMdc(task, () -> LOG.warn(timedOut.getReasonForIncompletion()));
        events.executed(task, timedOut, null, System.nanoTime() - startedNanos);
        report(timedOut, null);
    }

    private void extendLease() {
        if (done.get()) {
            return;
        }
        long sent = System.nanoTime();
        client.extendLease(task, settings.workerId()).onComplete(extended -> {
            if (extended.succeeded()) {
                leaseRenewedNanos = sent;
                events.leaseExtended(task);
            } else {
                LOG.debugf("Extending the lease of task %s (%s) failed: %s", task.getTaskId(), task.getTaskType(),
                        TaskApiClient.describe(extended.cause()));
            }
        });
    }

    private void stopTimers() {
        if (timeoutTimer != -1) {
            vertx.cancelTimer(timeoutTimer);
        }
        if (leaseTimer != -1) {
            vertx.cancelTimer(leaseTimer);
        }
    }

    /** How long the method has been running, for the shutdown warning. */
    Duration runningFor() {
        return Duration.ofNanos(System.nanoTime() - (startedNanos == 0 ? receivedNanos : startedNanos));
    }
}

package io.quarkiverse.conductor.worker.runtime.poll;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;

/**
 * Tells every {@link WorkerEvents} of a worker what happened, so that the poller has one to call; a listener that throws
 * is logged once and never disturbs the poller or the other listeners.
 */
final class GuardedEvents implements WorkerEvents {

    private static final Logger LOG = Logger.getLogger(GuardedEvents.class);

    private final WorkerEvents[] listeners;
    private final AtomicBoolean[] warned;

    GuardedEvents(List<WorkerEvents> listeners) {
        this.listeners = listeners.toArray(WorkerEvents[]::new);
        this.warned = new AtomicBoolean[this.listeners.length];
        for (int i = 0; i < warned.length; i++) {
            warned[i] = new AtomicBoolean();
        }
    }

    private interface Event {
        void tell(WorkerEvents listener);
    }

    private void tell(Event event) {
        for (int i = 0; i < listeners.length; i++) {
            try {
                event.tell(listeners[i]);
            } catch (RuntimeException | LinkageError e) {
                if (warned[i].compareAndSet(false, true)) {
                    LOG.warnf(e, "%s failed on a worker event; its later failures are not logged",
                            listeners[i].getClass().getName());
                }
            }
        }
    }

    @Override
    public void polled(String taskType, PollKind kind, int received, long nanos) {
        tell(listener -> listener.polled(taskType, kind, received, nanos));
    }

    @Override
    public void pollFailed(String taskType, PollKind kind, Throwable failure, long nanos) {
        tell(listener -> listener.pollFailed(taskType, kind, failure, nanos));
    }

    @Override
    public void paused(String taskType) {
        tell(listener -> listener.paused(taskType));
    }

    @Override
    public void queueFull(String taskType) {
        tell(listener -> listener.queueFull(taskType));
    }

    @Override
    public void executionStarted(Task task) {
        tell(listener -> listener.executionStarted(task));
    }

    @Override
    public void executed(Task task, TaskResult result, Throwable failure, long nanos) {
        tell(listener -> listener.executed(task, result, failure, nanos));
    }

    @Override
    public void reported(Task task, TaskResult result, int bytes, long nanos) {
        tell(listener -> listener.reported(task, result, bytes, nanos));
    }

    @Override
    public void resultRetried(Task task, Throwable failure) {
        tell(listener -> listener.resultRetried(task, failure));
    }

    @Override
    public void resultGivenUp(Task task, GiveUpReason reason, Throwable failure, long nanos) {
        tell(listener -> listener.resultGivenUp(task, reason, failure, nanos));
    }

    @Override
    public void leaseExtended(Task task) {
        tell(listener -> listener.leaseExtended(task));
    }
}

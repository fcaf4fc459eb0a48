package io.quarkiverse.conductor.worker.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.conductor.worker.TaskContext;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskExecLog;

/**
 * The {@link TaskContext} of one invocation: collects what the worker said (log lines, a callback request) so that
 * {@link ResultMapper} can put it into the result.
 */
final class InvocationContext implements TaskContext {

    /** No callback was requested. */
    static final long NO_CALLBACK = -1;

    private final Task task;
    private List<TaskExecLog> logs;
    private volatile long callbackAfterSeconds = NO_CALLBACK;

    InvocationContext(Task task) {
        this.task = task;
    }

    @Override
    public Task task() {
        return task;
    }

    @Override
    public synchronized void log(String line) {
        if (logs == null) {
            logs = new ArrayList<>(4);
        }
        logs.add(new TaskExecLog(line, task.getTaskId(), System.currentTimeMillis()));
    }

    @Override
    public void callbackAfter(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("callbackAfter needs a delay of zero or more, got " + delay);
        }
        // the server counts whole seconds; round up so that "500ms" does not mean "now"
        long seconds = delay.getSeconds() + (delay.getNano() > 0 ? 1 : 0);
        callbackAfterSeconds = seconds;
    }

    long callbackAfterSeconds() {
        return callbackAfterSeconds;
    }

    synchronized List<TaskExecLog> logs() {
        return logs == null ? List.of() : logs;
    }
}

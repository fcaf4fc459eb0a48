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

    private final Task task;
    private List<TaskExecLog> logs;
    private volatile Duration callbackAfter;

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
        callbackAfter = delay;
    }

    /** The callback delay asked for, or {@code null} if the task is to complete. */
    Duration callbackAfter() {
        return callbackAfter;
    }

    synchronized List<TaskExecLog> logs() {
        return logs == null ? List.of() : logs;
    }
}

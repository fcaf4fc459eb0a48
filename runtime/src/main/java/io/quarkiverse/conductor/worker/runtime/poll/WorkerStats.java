package io.quarkiverse.conductor.worker.runtime.poll;

import java.util.concurrent.atomic.LongAdder;

import io.quarkiverse.conductor.worker.model.TaskResult;

/**
 * What one worker did since start-up.
 */
public final class WorkerStats {

    private final LongAdder polls = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder inProgress = new LongAdder();
    private final LongAdder failed = new LongAdder();

    void polled() {
        polls.increment();
    }

    void finished(TaskResult.Status status) {
        switch (status) {
            case COMPLETED -> completed.increment();
            case IN_PROGRESS -> inProgress.increment();
            default -> failed.increment();
        }
    }

    /** Polls sent to the server. */
    public long polls() {
        return polls.sum();
    }

    /** Executions that completed their task. */
    public long completed() {
        return completed.sum();
    }

    /** Executions that left their task in progress, to be called again. */
    public long inProgress() {
        return inProgress.sum();
    }

    /** Executions that failed their task. */
    public long failed() {
        return failed.sum();
    }
}

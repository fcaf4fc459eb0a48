package io.quarkiverse.conductor.worker.runtime.poll;

import java.util.concurrent.atomic.LongAdder;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;

/**
 * What one worker did since start-up, counted from its {@link WorkerEvents}.
 */
public final class WorkerStats implements WorkerEvents {

    private final LongAdder polls = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder inProgress = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder resultsGivenUp = new LongAdder();

    @Override
    public void polled(String taskType, PollKind kind, int received, long nanos) {
        polls.increment();
    }

    @Override
    public void pollFailed(String taskType, PollKind kind, Throwable failure, long nanos) {
        polls.increment();
    }

    @Override
    public void executed(Task task, TaskResult result, Throwable failure, long nanos) {
        switch (result.getStatus()) {
            case COMPLETED -> completed.increment();
            case IN_PROGRESS -> inProgress.increment();
            default -> failed.increment();
        }
    }

    @Override
    public void resultGivenUp(Task task, GiveUpReason reason, Throwable failure, long nanos) {
        if (reason != GiveUpReason.TASK_GONE) {
            resultsGivenUp.increment();
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

    /** Results not sent: not acknowledged in time, refused, or cut off by the shutdown. */
    public long resultsGivenUp() {
        return resultsGivenUp.sum();
    }
}

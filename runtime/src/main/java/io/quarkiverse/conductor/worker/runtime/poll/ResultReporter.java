package io.quarkiverse.conductor.worker.runtime.poll;

import java.time.Duration;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.runtime.client.TaskApiClient;
import io.smallrye.mutiny.Uni;

/**
 * Sends task results, retrying with back-off when the server or the network fails. A result that cannot be sent is
 * logged with its task and workflow ids: it is never dropped silently.
 */
final class ResultReporter {

    private static final Logger LOG = Logger.getLogger(ResultReporter.class);

    private final TaskApiClient client;
    private final ServerAvailability availability;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private volatile boolean stopped;
    private final int attempts;

    ResultReporter(TaskApiClient client, ServerAvailability availability, Duration initialBackoff, Duration maxBackoff,
            int attempts) {
        this.client = client;
        this.availability = availability;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.attempts = attempts;
    }

    /**
     * Sends {@code result} of {@code task}, then calls {@code whenDone} once: with the next task the server handed out
     * in the same call when {@code takeNext} is set and there was one, else with {@code null} (also when the result
     * could not be sent, which is logged).
     */
    /**
     * The shutdown grace period is over: results still being retried are given up (and logged), rather than sent late
     * by an application that has stopped.
     */
    void stop() {
        stopped = true;
    }

    void report(Task task, TaskResult result, String workerId, boolean takeNext, Consumer<Task> whenDone) {
        result.setWorkerId(workerId);
        // the retry machinery is only assembled once a request failed: the usual path stays one request, one callback
        client.update(result, takeNext)
                .onFailure().recoverWithUni(failure -> retried(task, result, takeNext, failure))
                .subscribe().with(next -> {
                    availability.succeeded();
                    whenDone.accept(next);
                }, failure -> {
                    LOG.errorf("The result of task %s (%s, workflow %s), %s, could not be sent: %s. The server hands the"
                            + " task out again after its response timeout.", task.getTaskId(), task.getTaskType(),
                            task.getWorkflowInstanceId(), result.getStatus(), TaskApiClient.describe(failure));
                    whenDone.accept(null);
                });
    }

    private boolean retryable(Throwable failure) {
        return !stopped && client.isRetryable(failure);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private Uni<Task> retried(Task task, TaskResult result, boolean takeNext, Throwable first) {
        availability.failed("sending the result of task " + task.getTaskId(), first);
        if (attempts < 2 || !retryable(first)) {
            return Uni.createFrom().failure(first);
        }
        Uni<Task> again = Uni.createFrom().nullItem().onItem()
                .delayIt().by(Duration.ofMillis(new Backoff(initialBackoff, maxBackoff).delayMillis(1)))
                .chain(() -> stopped ? Uni.createFrom().<Task> failure(first) : client.update(result, takeNext))
                .onFailure().invoke(failure -> availability.failed("sending the result of task " + task.getTaskId(),
                        failure));
        return attempts == 2 ? again
                : again.onFailure(this::retryable).retry()
                        // Mutiny refuses an initial back-off above the maximum
                        .withBackOff(min(initialBackoff.multipliedBy(2), maxBackoff), maxBackoff)
                        .withJitter(Backoff.JITTER)
                        .atMost(attempts - 2);
    }
}

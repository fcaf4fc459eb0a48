package io.quarkiverse.conductor.worker.runtime.poll;

import java.time.Duration;

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
     * Sends {@code result} of {@code task}; with {@code takeNext}, the returned {@code Uni} carries the next task the
     * server handed out in the same call, else {@code null}. The {@code Uni} never fails.
     */
    Uni<Task> report(Task task, TaskResult result, String workerId, boolean takeNext) {
        result.setWorkerId(workerId);
        Uni<Task> update = client.update(result, takeNext)
                .invoke(availability::succeeded)
                .onFailure().invoke(failure -> availability.failed("sending the result of task " + task.getTaskId(),
                        failure));
        if (attempts > 1) {
            update = update.onFailure(TaskApiClient::isRetryable).retry()
                    .withBackOff(initialBackoff, maxBackoff).withJitter(Backoff.JITTER).atMost(attempts - 1);
        }
        return update.onFailure().recoverWithItem(failure -> {
            LOG.errorf("The result of task %s (%s, workflow %s), %s, could not be sent: %s. The server hands the task out"
                    + " again after its response timeout.", task.getTaskId(), task.getTaskType(),
                    task.getWorkflowInstanceId(), result.getStatus(), TaskApiClient.describe(failure));
            return null;
        });
    }
}

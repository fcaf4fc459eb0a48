package io.quarkiverse.conductor.worker.runtime.poll;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.runtime.TaskScope;
import io.quarkiverse.conductor.worker.runtime.client.Backoff;
import io.quarkiverse.conductor.worker.runtime.client.ConductorJson;
import io.quarkiverse.conductor.worker.runtime.client.RequestFailure;
import io.quarkiverse.conductor.worker.runtime.client.TaskApiClient;
import io.quarkiverse.conductor.worker.runtime.poll.WorkerEvents.GiveUpReason;
import io.vertx.core.Vertx;

/**
 * Sends task results, with the plain update: a request that takes no task, so that an answer lost on the way loses
 * nothing. A result is sent until the server acknowledges it, or until it can no longer matter:
 * <ul>
 * <li>the server or the network fails ({@code 5xx}, {@code 429}, no answer): sent again with back-off until the task's
 * response timeout has passed (after that the server times the task out and hands it out again), or until the shutdown
 * grace period ends;</li>
 * <li>{@code 401}/{@code 403}: sent again once the access token is renewed, when a key is configured; else given
 * up with an ERROR that names the access problem;</li>
 * <li>{@code 413} (the output is too large for a proxy or the server) and {@code 400}: replaced by a small
 * {@code FAILED} result that says why, so that the workflow sees the failure instead of waiting;</li>
 * <li>{@code 404}/{@code 409}: the server no longer has the task, or it is already done: one INFO line.</li>
 * </ul>
 * Every result ends in {@code whenDone}, called once.
 */
final class ResultReporter {

    private static final Logger LOG = Logger.getLogger(ResultReporter.class);

    /** The longest reason a replacement result carries. */
    private static final int MAX_REASON_LENGTH = 1000;

    /** What became of a result. */
    enum Outcome {
        SENT,
        NOT_SENT
    }

    /** Where a result to report comes from: its task, and until when it is worth sending. */
    interface Source {
        Task task();

        long resultDeadlineNanos();
    }

    private final TaskApiClient client;
    private final ServerAvailability availability;
    private final Backoff backoff;
    private final Vertx vertx;
    private final LongSupplier clock;
    private final Set<Delivery> retrying = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    ResultReporter(TaskApiClient client, ServerAvailability availability, Backoff backoff, Vertx vertx,
            LongSupplier clock) {
        this.client = client;
        this.availability = availability;
        this.backoff = backoff;
        this.vertx = vertx;
        this.clock = clock;
    }

    /**
     * Sends {@code result}, then calls {@code whenDone} once.
     */
    void report(Source source, TaskResult result, String workerId, WorkerEvents events,
            Consumer<Outcome> whenDone) {
        result.setWorkerId(workerId);
        new Delivery(source, result, events, whenDone).send(encoded(source.task(), result));
    }

    /** The JSON of {@code result}; a result that cannot be written is replaced by a failure that says why. */
    private static byte[] encoded(Task task, TaskResult result) {
        try {
            return ConductorJson.write(result);
        } catch (IllegalArgumentException e) {
            TaskResult failure = TaskResult.failed(task, truncate("The result of task " + task.getTaskId()
                    + " cannot be written as JSON: " + e.getMessage()));
            failure.setWorkerId(result.getWorkerId());
            return ConductorJson.write(failure);
        }
    }

    /**
     * The shutdown grace period is over: results still being retried are given up (and logged), rather than sent late
     * by an application that has stopped.
     */
    void stop() {
        stopped = true;
        for (Delivery delivery : retrying) {
            delivery.giveUpAtShutdown();
        }
    }

    /** One result on its way, and its retries. */
    private final class Delivery {

        private final Source source;
        private final Task task;
        private final TaskResult result;
        private final WorkerEvents events;
        private final Consumer<Outcome> whenDone;
        private final long firstSent = clock.getAsLong();
        private int failures;
        private boolean replaced;
        private long retryTimer = -1;
        private RequestFailure lastFailure;
        private boolean done;

        Delivery(Source source, TaskResult result, WorkerEvents events, Consumer<Outcome> whenDone) {
            this.source = source;
            this.task = source.task();
            this.result = result;
            this.events = events;
            this.whenDone = whenDone;
        }

        void send(byte[] json) {
            client.update(json).onComplete(updated -> {
                if (updated.succeeded()) {
                    availability.succeeded();
                    events.reported(task, result, json.length, clock.getAsLong() - firstSent);
                    end(Outcome.SENT);
                } else {
                    // what is logged about the result carries the task in its MDC, like what its method logged
                    TaskScope.withTaskInMdc(task, () -> failed(json, updated.cause()));
                }
            });
        }

        private void failed(byte[] json, Throwable failure) {
            if (!(failure instanceof RequestFailure request)) {
                // not a request failure: a bug; the result is lost, loudly
                LOG.errorf(failure, "Unexpected failure sending the result of task %s (%s)", task.getTaskId(),
                        task.getTaskType());
                giveUp(GiveUpReason.REJECTED, failure, null);
                return;
            }
            lastFailure = request;
            switch (request.kind()) {
                case UNAVAILABLE, UNREADABLE, TLS, PROXY -> {
                    availability.failed("sending the result of task " + task.getTaskId(), request);
                    retryLater(json, request);
                }
                case REFUSED -> {
                    if (client.isAuthenticated()) {
                        // the refusal renews the token: send again with the new one
                        retryLater(json, request);
                    } else {
                        LOG.errorf("The Conductor server refused the result of task %s (%s, workflow %s): %s. It needs"
                                + " credentials: set quarkus.conductor.auth.key-id and key-secret (or CONDUCTOR_AUTH_KEY"
                                + " and CONDUCTOR_AUTH_SECRET). The server hands the task out again after its response"
                                + " timeout.", task.getTaskId(), task.getTaskType(), task.getWorkflowInstanceId(),
                                request.getMessage());
                        giveUp(GiveUpReason.ACCESS_REFUSED, request, null);
                    }
                }
                case REJECTED -> rejected(json, request);
            }
        }

        private void rejected(byte[] json, RequestFailure request) {
            int status = request.status();
            if (status == 404 || status == 409) {
                LOG.infof("The Conductor server no longer has task %s (%s, workflow %s) to update, or it is already done"
                        + " (%s): its %s result is not sent", task.getTaskId(), task.getTaskType(),
                        task.getWorkflowInstanceId(), request.getMessage(), result.getStatus());
                giveUp(GiveUpReason.TASK_GONE, request, null);
            } else if ((status == 413 || status == 400) && !replaced) {
                replaced = true;
                String reason = status == 413
                        ? "The result of task " + task.getTaskId() + " (" + result.getStatus() + ", " + json.length
                                + " bytes of JSON) is larger than the Conductor server, or a proxy before it, accepts ("
                                + request.getMessage() + "): make the output smaller, or raise the limit"
                        : "The Conductor server rejected the result of task " + task.getTaskId() + " ("
                                + result.getStatus() + "): " + request.getMessage();
                LOG.warnf("%s; the task is reported FAILED instead", reason);
                TaskResult failure = TaskResult.failed(task, truncate(reason));
                failure.setWorkerId(result.getWorkerId());
                send(ConductorJson.write(failure));
            } else {
                LOG.errorf("The Conductor server rejected the result of task %s (%s, workflow %s)%s: %s. The server hands"
                        + " the task out again after its response timeout.", task.getTaskId(), task.getTaskType(),
                        task.getWorkflowInstanceId(), replaced ? ", and the failure that replaced it" : "",
                        request.getMessage());
                giveUp(GiveUpReason.REJECTED, request, null);
            }
        }

        private void retryLater(byte[] json, RequestFailure request) {
            failures++;
            long delay = backoff.delayMillis(failures);
            long deadline = source.resultDeadlineNanos();
            if (stopped) {
                giveUpAtShutdown();
                return;
            }
            if (deadline != Long.MAX_VALUE && clock.getAsLong() + delay * 1_000_000 > deadline) {
                giveUp(GiveUpReason.RESPONSE_TIMEOUT, request, "its response timeout ("
                        + task.getResponseTimeoutSeconds() + " s) passed after " + failures + " attempts over "
                        + (clock.getAsLong() - firstSent) / 1_000_000 + " ms");
                return;
            }
            events.resultRetried(task, request);
            synchronized (this) {
                if (done) {
                    return;
                }
                retrying.add(this);
                retryTimer = vertx.setTimer(Math.max(1, delay), id -> {
                    synchronized (this) {
                        if (done) {
                            return;
                        }
                        retrying.remove(this);
                        retryTimer = -1;
                    }
                    if (stopped) {
                        giveUpAtShutdown();
                    } else {
                        send(json);
                    }
                });
            }
        }

        void giveUpAtShutdown() {
            synchronized (this) {
                if (done) {
                    return;
                }
                if (retryTimer != -1) {
                    vertx.cancelTimer(retryTimer);
                    retryTimer = -1;
                }
            }
            TaskScope.withTaskInMdc(task,
                    () -> giveUp(GiveUpReason.SHUTDOWN, lastFailure, "the shutdown grace period ended first"));
        }

        private void giveUp(GiveUpReason reason, Throwable failure, String why) {
            if (why != null) {
                LOG.errorf("The %s result of task %s (%s, workflow %s) could not be sent: %s (last attempt: %s). The"
                        + " server times the task out and retries it as its definition says.", result.getStatus(),
                        task.getTaskId(), task.getTaskType(), task.getWorkflowInstanceId(), why,
                        failure == null ? "none" : TaskApiClient.describe(failure));
            }
            events.resultGivenUp(task, reason, failure, clock.getAsLong() - firstSent);
            end(Outcome.NOT_SENT);
        }

        private void end(Outcome outcome) {
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
                retrying.remove(this);
            }
            whenDone.accept(outcome);
        }
    }

    private static String truncate(String text) {
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH - 3) + "...";
    }
}

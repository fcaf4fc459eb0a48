package io.quarkiverse.conductor.worker.runtime.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkiverse.conductor.worker.ConductorWorkers;
import io.quarkiverse.conductor.worker.WorkerInfo;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.runtime.client.RequestFailure;
import io.quarkiverse.conductor.worker.runtime.poll.WorkerEvents;

/**
 * The workers' metrics in Micrometer, under the names, types, tags and buckets the Conductor Java SDK publishes to
 * Prometheus ({@code conductor-client-metrics}), so that existing Conductor dashboards and alerts work unchanged; and a
 * few of ours beside them ({@code task_queue_wait_time_seconds}, {@code task_in_flight}, {@code task_lease_extended_total},
 * {@code task_result_retried_total}, {@code task_result_given_up_total}, {@code task_poll_requests_total}).
 * <p>
 * Added to the application only when it has Micrometer; the meters of a task type are created with its first event, so
 * that recording one allocates nothing but the tag of an exception class seen for the first time.
 */
@Singleton
public class MicrometerWorkerMetrics implements WorkerEvents {

    /** The SDK's timer buckets: 1 ms to 10 s. */
    private static final Duration[] TIME_BUCKETS = { Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10) };

    /** The SDK's size buckets: 100 B to 10 MB. */
    private static final double[] SIZE_BUCKETS = { 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000 };

    static final String TASK_TYPE = "taskType";
    static final String STATUS = "status";
    static final String EXCEPTION = "exception";
    static final String SUCCESS = "SUCCESS";
    static final String FAILURE = "FAILURE";

    private final MeterRegistry registry;
    private final ConductorWorkers workers;
    private final Map<String, TaskMeters> byTaskType = new ConcurrentHashMap<>();

    @Inject
    public MicrometerWorkerMetrics(MeterRegistry registry, ConductorWorkers workers) {
        this.registry = registry;
        this.workers = workers;
    }

    private TaskMeters meters(String taskType) {
        TaskMeters meters = byTaskType.get(taskType);
        return meters != null ? meters : byTaskType.computeIfAbsent(taskType, TaskMeters::new);
    }

    /** Every meter of one task type. */
    private final class TaskMeters {

        final String taskType;
        final Counter polls;
        final Timer pollSucceeded;
        final Timer pollFailed;
        final Counter longPolls;
        final Counter shortPolls;
        final Counter started;
        final Timer executeSucceeded;
        final Timer executeFailed;
        final Timer updateSucceeded;
        final Timer updateFailed;
        final DistributionSummary resultSize;
        final Counter paused;
        final Counter queueFull;
        final Timer queueWait;
        final Counter leaseExtended;
        final Counter resultRetried;
        final Map<Class<?>, Counter> pollErrors = new ConcurrentHashMap<>();
        final Map<Class<?>, Counter> executeErrors = new ConcurrentHashMap<>();
        final Map<Class<?>, Counter> updateErrors = new ConcurrentHashMap<>();
        final Map<GiveUpReason, Counter> givenUp = new ConcurrentHashMap<>();

        TaskMeters(String taskType) {
            this.taskType = taskType;
            polls = counter("task_poll_total");
            pollSucceeded = timer("task_poll_time", SUCCESS);
            pollFailed = timer("task_poll_time", FAILURE);
            longPolls = Counter.builder("task_poll_requests_total").tag(TASK_TYPE, taskType).tag("kind", "long")
                    .description("Poll requests sent, by kind: long (held by the server) or short")
                    .register(registry);
            shortPolls = Counter.builder("task_poll_requests_total").tag(TASK_TYPE, taskType).tag("kind", "short")
                    .description("Poll requests sent, by kind: long (held by the server) or short")
                    .register(registry);
            started = counter("task_execution_started_total");
            executeSucceeded = timer("task_execute_time", SUCCESS);
            executeFailed = timer("task_execute_time", FAILURE);
            updateSucceeded = timer("task_update_time", SUCCESS);
            updateFailed = timer("task_update_time", FAILURE);
            resultSize = DistributionSummary.builder("task_result_size").baseUnit("bytes").tag(TASK_TYPE, taskType)
                    .serviceLevelObjectives(SIZE_BUCKETS).publishPercentileHistogram(false).register(registry);
            paused = counter("task_paused_total");
            queueFull = counter("task_execution_queue_full_total");
            queueWait = Timer.builder("task_queue_wait_time").tag(TASK_TYPE, taskType)
                    .description("How long a task waited in the server's queue before a poll took it")
                    .serviceLevelObjectives(TIME_BUCKETS).publishPercentileHistogram(false).register(registry);
            leaseExtended = counter("task_lease_extended_total");
            resultRetried = counter("task_result_retried_total");
            Gauge.builder("active_workers", workers, all -> all.worker(taskType).map(WorkerInfo::running).orElse(0))
                    .tag(TASK_TYPE, taskType).description("Tasks executing or reporting").register(registry);
            Gauge.builder("task_in_flight", workers, all -> all.worker(taskType)
                    .map(worker -> worker.running() + worker.waiting()).orElse(0)).tag(TASK_TYPE, taskType)
                    .description("Tasks the worker holds: executing, reporting, or waiting for a slot")
                    .register(registry);
        }

        private Counter counter(String name) {
            return Counter.builder(name).tag(TASK_TYPE, taskType).register(registry);
        }

        private Timer timer(String name, String status) {
            return Timer.builder(name).tag(TASK_TYPE, taskType).tag(STATUS, status)
                    .serviceLevelObjectives(TIME_BUCKETS).publishPercentileHistogram(false).register(registry);
        }

        Counter error(Map<Class<?>, Counter> errors, String name, Throwable failure) {
            Class<?> type = exceptionClass(failure);
            Counter counter = errors.get(type);
            return counter != null ? counter
                    : errors.computeIfAbsent(type, key -> Counter.builder(name).tag(TASK_TYPE, taskType)
                            .tag(EXCEPTION, key.getSimpleName()).register(registry));
        }

        Counter givenUp(GiveUpReason reason) {
            return givenUp.computeIfAbsent(reason, key -> Counter.builder("task_result_given_up_total")
                    .tag(TASK_TYPE, taskType).tag("reason", key.name().toLowerCase()).register(registry));
        }
    }

    /**
     * The class whose simple name tags an error: what failed; for a failed request, the I/O failure behind it, or
     * {@code RequestFailure} for an answer the server gave.
     */
    static Class<?> exceptionClass(Throwable failure) {
        if (failure == null) {
            return Throwable.class;
        }
        if (failure instanceof RequestFailure request && request.getCause() != null) {
            return request.getCause().getClass();
        }
        return failure.getClass();
    }

    @Override
    public void polled(String taskType, PollKind kind, int received, long nanos) {
        TaskMeters meters = meters(taskType);
        meters.polls.increment();
        (kind == PollKind.LONG ? meters.longPolls : meters.shortPolls).increment();
        meters.pollSucceeded.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void pollFailed(String taskType, PollKind kind, Throwable failure, long nanos) {
        TaskMeters meters = meters(taskType);
        meters.polls.increment();
        (kind == PollKind.LONG ? meters.longPolls : meters.shortPolls).increment();
        meters.pollFailed.record(nanos, TimeUnit.NANOSECONDS);
        meters.error(meters.pollErrors, "task_poll_error_total", failure).increment();
    }

    @Override
    public void paused(String taskType) {
        meters(taskType).paused.increment();
    }

    @Override
    public void queueFull(String taskType) {
        meters(taskType).queueFull.increment();
    }

    @Override
    public void executionStarted(Task task) {
        TaskMeters meters = meters(task.getTaskType());
        meters.started.increment();
        if (task.getPollCount() <= 1 && task.getScheduledTime() > 0 && task.getStartTime() >= task.getScheduledTime()) {
            meters.queueWait.record(task.getStartTime() - task.getScheduledTime(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void executed(Task task, TaskResult result, Throwable failure, long nanos) {
        TaskMeters meters = meters(task.getTaskType());
        if (failure == null) {
            meters.executeSucceeded.record(nanos, TimeUnit.NANOSECONDS);
        } else {
            meters.executeFailed.record(nanos, TimeUnit.NANOSECONDS);
            meters.error(meters.executeErrors, "task_execute_error_total", failure).increment();
        }
    }

    @Override
    public void reported(Task task, TaskResult result, int bytes, long nanos) {
        TaskMeters meters = meters(task.getTaskType());
        meters.updateSucceeded.record(nanos, TimeUnit.NANOSECONDS);
        meters.resultSize.record(bytes);
    }

    @Override
    public void resultRetried(Task task, Throwable failure) {
        meters(task.getTaskType()).resultRetried.increment();
    }

    @Override
    public void resultGivenUp(Task task, GiveUpReason reason, Throwable failure, long nanos) {
        TaskMeters meters = meters(task.getTaskType());
        meters.givenUp(reason).increment();
        if (reason != GiveUpReason.TASK_GONE) {
            meters.updateFailed.record(nanos, TimeUnit.NANOSECONDS);
            meters.error(meters.updateErrors, "task_update_error_total", failure).increment();
        }
    }

    @Override
    public void leaseExtended(Task task) {
        meters(task.getTaskType()).leaseExtended.increment();
    }
}

package io.quarkiverse.conductor.worker.runtime.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.quarkiverse.conductor.worker.TaskDefinition.RetryLogic;
import io.quarkiverse.conductor.worker.TaskDefinition.TimeoutPolicy;

/**
 * The task definition of one worker's task type; each value overrides the worker's `@TaskDefinition` and the value of
 * the same name under `quarkus.conductor.worker.definition`.
 */
public interface TaskDefinitionConfig {

    /**
     * What the task does, shown in the Conductor UI.
     */
    Optional<String> description();

    /**
     * How many times a failed or timed-out task is retried.
     */
    OptionalInt retryCount();

    /**
     * How the wait between two attempts grows.
     */
    Optional<RetryLogic> retryLogic();

    /**
     * The wait before a retry.
     */
    Optional<Duration> retryDelay();

    /**
     * With `linear-backoff`, the factor the delay is multiplied by at each attempt.
     */
    OptionalInt backoffScaleFactor();

    /**
     * How long a task may take from its first poll; `0s` for no limit.
     */
    Optional<Duration> timeout();

    /**
     * What happens when `timeout` is exceeded.
     */
    Optional<TimeoutPolicy> timeoutPolicy();

    /**
     * How long the server waits for news of a polled task before it hands it out again.
     */
    Optional<Duration> responseTimeout();

    /**
     * How long a scheduled task may wait to be polled; `0s` for no limit.
     */
    Optional<Duration> pollTimeout();

    /**
     * How many tasks of this type may start per `rate-limit-frequency`; 0 for no limit.
     */
    OptionalInt rateLimitPerFrequency();

    /**
     * The window of `rate-limit-per-frequency`.
     */
    Optional<Duration> rateLimitFrequency();

    /**
     * How many tasks of this type may run at once, across all workers; 0 for no limit.
     */
    OptionalInt concurrentExecLimit();

    /**
     * The owner's email.
     */
    Optional<String> ownerEmail();

    /**
     * The input keys the task expects; by default those the method's parameters bind.
     */
    Optional<List<String>> inputKeys();
}

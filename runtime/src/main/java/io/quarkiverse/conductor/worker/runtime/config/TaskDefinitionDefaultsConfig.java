package io.quarkiverse.conductor.worker.runtime.config;

import java.time.Duration;
import java.util.Optional;

import io.quarkiverse.conductor.worker.TaskDefinition.RetryLogic;
import io.quarkiverse.conductor.worker.TaskDefinition.TimeoutPolicy;
import io.smallrye.config.WithDefault;

/**
 * The task definition every worker's task type gets, unless its `@TaskDefinition` or its own configuration says
 * otherwise. The defaults are the Conductor server's own, so that a definition registered by the extension behaves like
 * one created with a name only. Conductor counts durations in whole seconds.
 */
public interface TaskDefinitionDefaultsConfig {

    /**
     * How many times a failed or timed-out task is retried.
     */
    @WithDefault("3")
    int retryCount();

    /**
     * How the wait between two attempts grows: `fixed`, `exponential-backoff` (doubles) or `linear-backoff` (grows by
     * `retry-delay` times `backoff-scale-factor`).
     */
    @WithDefault("fixed")
    RetryLogic retryLogic();

    /**
     * The wait before a retry.
     */
    @WithDefault("60s")
    Duration retryDelay();

    /**
     * With `linear-backoff`, the factor the delay is multiplied by at each attempt; 1 or more.
     */
    @WithDefault("1")
    int backoffScaleFactor();

    /**
     * How long a task may take from its first poll, attempts included; `0s` for no limit.
     */
    @WithDefault("0s")
    Duration timeout();

    /**
     * What happens when `timeout` is exceeded: `retry`, `time-out-wf` (the workflow times out) or `alert-only`.
     */
    @WithDefault("time-out-wf")
    TimeoutPolicy timeoutPolicy();

    /**
     * How long the server waits for news of a polled task (a result, or a lease extension) before it times it out and
     * hands it out again. At least 1s, and not longer than `timeout` when that is set. The extension extends the lease
     * of a task that runs longer (`lease-extension`).
     */
    @WithDefault("1h")
    Duration responseTimeout();

    /**
     * How long a scheduled task may wait to be polled before it times out; `0s` for no limit.
     */
    @WithDefault("0s")
    Duration pollTimeout();

    /**
     * How many tasks of a type may start per `rate-limit-frequency`, across all workers; 0 for no limit.
     */
    @WithDefault("0")
    int rateLimitPerFrequency();

    /**
     * The window of `rate-limit-per-frequency`.
     */
    @WithDefault("1s")
    Duration rateLimitFrequency();

    /**
     * How many tasks of a type may run at once, across all workers; 0 for no limit.
     */
    @WithDefault("0")
    int concurrentExecLimit();

    /**
     * The owner's email. Conductor OSS does not require one unless the server sets
     * `conductor.app.ownerEmailMandatory=true`; set it for such a server.
     */
    Optional<String> ownerEmail();
}

package io.quarkiverse.conductor.worker.runtime.config;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/**
 * Exponential back-off, with jitter, for requests that failed.
 */
public interface RetryConfig {

    /**
     * The wait after the first failure; it doubles after each further failure. At least 1ms.
     */
    @WithDefault("200ms")
    Duration initialBackoff();

    /**
     * The longest wait between two attempts; not shorter than `initial-backoff`.
     */
    @WithDefault("10s")
    Duration maxBackoff();

    /**
     * How many times the result of a task is sent before giving up. A result that could not be sent is logged with its
     * task id; the server hands the task out again after its response timeout.
     */
    @WithDefault("20")
    int updateAttempts();
}

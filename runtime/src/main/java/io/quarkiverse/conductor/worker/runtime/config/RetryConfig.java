package io.quarkiverse.conductor.worker.runtime.config;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/**
 * Exponential back-off, with jitter, for requests that failed: polls, and result updates. A result is sent again until
 * the server acknowledges it, until its task's response timeout has passed (the server then times the task out and
 * hands it out again), or until the shutdown grace period ends.
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
}

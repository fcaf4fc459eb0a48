package io.quarkiverse.conductor.worker;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Conductor task definition of a {@link ConductorWorker} method's task type: how the server retries it, times it out
 * and limits it. The extension registers it at start-up (see {@code quarkus.conductor.registration.mode}).
 *
 * <pre>
 * &#64;ConductorWorker("charge_card")
 * &#64;TaskDefinition(retryCount = 5, retryLogic = RetryLogic.EXPONENTIAL_BACKOFF, retryDelay = "2s", responseTimeout = "30s")
 * Receipt charge(Card card) {
 *     ...
 * }
 * </pre>
 *
 * Every worker gets a definition, with or without this annotation: what it does not set comes from
 * {@code quarkus.conductor.worker.definition.*} (whose defaults are the Conductor server's own), and
 * {@code quarkus.conductor.workers."task-name".definition.*} overrides what it sets. The definition's {@code inputKeys}
 * are the input keys the method's parameters bind. Durations are written like {@code "30s"}, {@code "5m"} or
 * {@code "PT1H"}; Conductor counts them in whole seconds.
 * <p>
 * Only the attributes written in the annotation count: the defaults shown here only say what the configured defaults
 * are when nothing else is configured.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TaskDefinition {

    /** What the task does, shown in the Conductor UI. */
    String description() default "";

    /** How many times a failed or timed-out task is retried. */
    int retryCount() default 3;

    /** How the wait between two attempts grows. */
    RetryLogic retryLogic() default RetryLogic.FIXED;

    /** The wait before a retry (the first one, for the back-off logics). */
    String retryDelay() default "60s";

    /** With {@link RetryLogic#LINEAR_BACKOFF}, the factor the delay is multiplied by at each attempt; 1 or more. */
    int backoffScaleFactor() default 1;

    /** How long a task may take from its first poll, attempts included; {@code "0s"} for no limit. */
    String timeout() default "0s";

    /** What happens when {@link #timeout()} is exceeded. */
    TimeoutPolicy timeoutPolicy() default TimeoutPolicy.TIME_OUT_WF;

    /**
     * How long the server waits for news of a polled task (a result, or a lease extension) before it times it out and
     * hands it out again; at least 1 second, and not more than {@link #timeout()} when that is set.
     */
    String responseTimeout() default "1h";

    /** How long a scheduled task may wait to be polled before it times out; {@code "0s"} for no limit. */
    String pollTimeout() default "0s";

    /** How many tasks of this type may start per {@link #rateLimitFrequency()}, across all workers; 0 for no limit. */
    int rateLimitPerFrequency() default 0;

    /** The window of {@link #rateLimitPerFrequency()}. */
    String rateLimitFrequency() default "1s";

    /** How many tasks of this type may run at once, across all workers; 0 for no limit. */
    int concurrentExecLimit() default 0;

    /** The owner's email, which servers with {@code conductor.app.ownerEmailMandatory=true} require. */
    String ownerEmail() default "";

    /** The input keys the task expects; by default, those the method's parameters bind. */
    String[] inputKeys() default {};

    /** How the wait between two attempts of a task grows (Conductor's {@code retryLogic}). */
    enum RetryLogic {
        /** The same delay every time. */
        FIXED,
        /** The delay doubles at each attempt. */
        EXPONENTIAL_BACKOFF,
        /** The delay grows by {@code retryDelay * backoffScaleFactor} at each attempt. */
        LINEAR_BACKOFF
    }

    /** What the server does with a task that exceeds its timeout (Conductor's {@code timeoutPolicy}). */
    enum TimeoutPolicy {
        /** Retry it, as with a failure. */
        RETRY,
        /** Time out the workflow. */
        TIME_OUT_WF,
        /** Only note it; the task keeps running. */
        ALERT_ONLY
    }
}

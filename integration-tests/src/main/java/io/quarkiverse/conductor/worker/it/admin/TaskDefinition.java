package io.quarkiverse.conductor.worker.it.admin;

/**
 * A Conductor task definition: how the server retries and times out a task type.
 */
public record TaskDefinition(String name, String description, int retryCount, String retryLogic,
        int retryDelaySeconds, long responseTimeoutSeconds, long timeoutSeconds, String timeoutPolicy) {

    /** A task retried {@code retryCount} times without delay, handed out again if a worker stays silent 60 s. */
    public static TaskDefinition of(String name, int retryCount) {
        return new TaskDefinition(name, name, retryCount, "FIXED", 0, 60, 0, "TIME_OUT_WF");
    }

    /** The same definition, handed out again if a worker stays silent {@code seconds}. */
    public TaskDefinition respondingWithin(long seconds) {
        return new TaskDefinition(name, description, retryCount, retryLogic, retryDelaySeconds, seconds, timeoutSeconds,
                timeoutPolicy);
    }
}

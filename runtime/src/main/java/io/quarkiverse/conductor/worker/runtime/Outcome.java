package io.quarkiverse.conductor.worker.runtime;

import io.quarkiverse.conductor.worker.model.TaskResult;

/**
 * What became of one invocation of a worker method: the result to report, and what the method threw, if it threw
 * (or the input it could not bind), for metrics and traces.
 *
 * @param failure the exception, unwrapped, or {@code null} if the method returned
 */
public record Outcome(TaskResult result, Throwable failure) {

    public static Outcome returned(TaskResult result) {
        return new Outcome(result, null);
    }
}

package io.quarkiverse.conductor.worker.runtime.tracing;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;

/**
 * Traces task executions: a span per task, current while its method runs and while its result is sent, ended once
 * the result is in. Chosen at build time: OpenTelemetry's when the application has it, else {@link #NONE}, which costs
 * nothing.
 */
public interface TaskTracing {

    /** One task's span. */
    interface TracedTask {

        /** Makes the span current on this thread (and its Vert.x context) until the returned scope closes. */
        Scope activate();

        /**
         * The task is done: {@code result} was reported (or {@code reported} is false: it could not be), after its
         * method returned or threw {@code failure}.
         */
        void end(TaskResult result, Throwable failure, boolean reported);
    }

    /** A span made current, until closed; closing twice does nothing more. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Starts the span of {@code task}. */
    TracedTask start(Task task);

    /** No tracing. */
    TaskTracing NONE = new TaskTracing() {
        private final Scope scope = () -> {
        };
        private final TracedTask untraced = new TracedTask() {
            @Override
            public Scope activate() {
                return scope;
            }

            @Override
            public void end(TaskResult result, Throwable failure, boolean reported) {
            }
        };

        @Override
        public TracedTask start(Task task) {
            return untraced;
        }
    };
}

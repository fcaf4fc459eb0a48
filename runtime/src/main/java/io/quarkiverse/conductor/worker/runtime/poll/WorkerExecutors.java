package io.quarkiverse.conductor.worker.runtime.poll;

import java.util.concurrent.Executor;

import io.quarkiverse.conductor.worker.runtime.WorkerMethod;
import io.quarkus.virtual.threads.VirtualThreadsRecorder;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Where a worker's tasks run: blocking methods on the Quarkus worker pool (or on virtual threads for
 * {@code @RunOnVirtualThread} methods), methods returning {@code Uni} or {@code CompletionStage} on the thread that
 * received the task, which they must not block.
 */
final class WorkerExecutors {

    private WorkerExecutors() {
    }

    /** The executor for {@code method}, or {@code null} to run on the receiving thread. */
    static Executor forMethod(WorkerMethod method) {
        if (method.isVirtualThread()) {
            // falls back to the worker pool, with a warning, on a JVM without virtual threads
            return VirtualThreadsRecorder.getCurrent();
        }
        return method.isBlocking() ? Infrastructure.getDefaultWorkerPool() : null;
    }
}

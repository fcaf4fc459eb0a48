package io.quarkiverse.conductor.worker.runtime;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.invoke.Invoker;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;

/**
 * The workers of the application, by task name: filled once at start-up by {@link ConductorWorkerRecorder}, read by
 * the pollers.
 */
@Singleton
public class WorkerRegistry {

    private final Instance<ObjectMapper> mapper;
    private final Map<String, Worker> workers = new LinkedHashMap<>();

    /**
     * @param mapper the application's mapper, asked for when the workers are prepared (see {@link Worker#prepare()}),
     *        not when they are registered: making it loads most of Jackson, which the first poll does not need
     */
    @Inject
    public WorkerRegistry(Instance<ObjectMapper> mapper) {
        this.mapper = mapper;
    }

    synchronized void register(WorkerMethod method, Invoker<Object, Object> invoker) {
        // duplicates are a build error; this guards against a recorder called twice
        if (workers.putIfAbsent(method.getTaskName(), new Worker(method, invoker, mapper::get,
                Arc.container().requestContext())) != null) {
            throw new IllegalStateException("Task '" + method.getTaskName() + "' already has a worker");
        }
    }

    /** The worker of task type {@code taskName}, or {@code null}. */
    public synchronized Worker worker(String taskName) {
        return workers.get(taskName);
    }

    /** All workers, in the order the build found them. */
    public synchronized Collection<Worker> workers() {
        return Collections.unmodifiableCollection(workers.values());
    }
}

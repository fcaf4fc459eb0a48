package io.quarkiverse.conductor.worker.it;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How many times each task id was executed in this application, to prove that each task runs once.
 */
@ApplicationScoped
public class Executions {

    private final Map<String, AtomicInteger> byTaskId = new ConcurrentHashMap<>();

    void record(String taskId) {
        byTaskId.computeIfAbsent(taskId, id -> new AtomicInteger()).incrementAndGet();
    }

    public int count(String taskId) {
        AtomicInteger count = byTaskId.get(taskId);
        return count == null ? 0 : count.get();
    }

    public Map<String, Integer> snapshot() {
        Map<String, Integer> copy = new ConcurrentHashMap<>();
        byTaskId.forEach((id, count) -> copy.put(id, count.get()));
        return copy;
    }
}

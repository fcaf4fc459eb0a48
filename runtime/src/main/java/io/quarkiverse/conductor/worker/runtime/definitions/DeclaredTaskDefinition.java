package io.quarkiverse.conductor.worker.runtime.definitions;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RecordableConstructor;

/**
 * The task definition of a worker as its code declares it, found at build time: the attributes written in its
 * {@code @TaskDefinition} (values already checked), and the input keys its parameters bind.
 */
public final class DeclaredTaskDefinition {

    private final String taskName;
    private final String declaredBy;
    private final Map<String, String> attributes;
    private final List<String> boundInputKeys;

    /**
     * @param declaredBy the worker method, as {@code OrderWorker#process(OrderInfo)}, for messages
     * @param attributes the {@code @TaskDefinition} attributes written, by name, as text (durations as written, arrays
     *        joined with commas, enums by name); empty without the annotation
     * @param boundInputKeys the input keys the method's parameters bind, in order
     */
    @RecordableConstructor
    public DeclaredTaskDefinition(String taskName, String declaredBy, Map<String, String> attributes,
            List<String> boundInputKeys) {
        this.taskName = taskName;
        this.declaredBy = declaredBy;
        this.attributes = attributes;
        this.boundInputKeys = boundInputKeys;
    }

    public String getTaskName() {
        return taskName;
    }

    public String getDeclaredBy() {
        return declaredBy;
    }

    public Map<String, String> getAttributes() {
        return attributes;
    }

    public List<String> getBoundInputKeys() {
        return boundInputKeys;
    }
}

package io.quarkiverse.conductor.worker.runtime.definitions;

import io.quarkus.runtime.annotations.RecordableConstructor;

/**
 * A definition file of the application, read and checked at build time: a workflow definition, or the task definition
 * of a task that no worker of the application executes.
 */
public final class DefinitionFile {

    /** What the file defines. */
    public enum Kind {
        TASK,
        WORKFLOW
    }

    private final Kind kind;
    private final String resource;
    private final String name;
    private final int version;

    /**
     * @param resource the class path resource, as {@code conductor/workflows/order.json}
     * @param version the workflow's version (1 when the file has none); 0 for a task definition
     */
    @RecordableConstructor
    public DefinitionFile(Kind kind, String resource, String name, int version) {
        this.kind = kind;
        this.resource = resource;
        this.name = name;
        this.version = version;
    }

    public Kind getKind() {
        return kind;
    }

    public String getResource() {
        return resource;
    }

    public String getName() {
        return name;
    }

    public int getVersion() {
        return version;
    }
}

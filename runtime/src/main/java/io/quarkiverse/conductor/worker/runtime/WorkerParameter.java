package io.quarkiverse.conductor.worker.runtime;

import io.quarkus.runtime.annotations.RecordableConstructor;

/**
 * How one parameter of a worker method receives its value, decided at build time.
 */
public final class WorkerParameter {

    /** Where the value comes from. */
    public enum Source {
        /** The {@link io.quarkiverse.conductor.worker.model.Task} itself. */
        TASK,
        /** The {@link io.quarkiverse.conductor.worker.TaskContext} of the invocation. */
        CONTEXT,
        /** The input entry named {@code key}. */
        INPUT_KEY,
        /**
         * The input entry named {@code key} if the input has one, otherwise the whole input: the only bindable
         * parameter of the method, of an object type.
         */
        INPUT_KEY_OR_WHOLE_INPUT
    }

    private final Source source;
    private final String key;
    private final TypeSpec type;
    private final String declaration;

    /**
     * @param declaration the parameter as written in the source ({@code "int quantity"}), for error messages
     */
    @RecordableConstructor
    public WorkerParameter(Source source, String key, TypeSpec type, String declaration) {
        this.source = source;
        this.key = key;
        this.type = type;
        this.declaration = declaration;
    }

    public Source getSource() {
        return source;
    }

    public String getKey() {
        return key;
    }

    public TypeSpec getType() {
        return type;
    }

    public String getDeclaration() {
        return declaration;
    }
}

package io.quarkiverse.conductor.worker.runtime;

import java.util.List;

import io.quarkus.runtime.annotations.RecordableConstructor;

/**
 * Everything the runtime needs to know about one {@code @ConductorWorker} method, decided at build time.
 */
public final class WorkerMethod {

    /** How the method hands back its result. */
    public enum ReturnKind {
        /** Returns nothing. */
        VOID,
        /** Returns its result directly; the method blocks its thread while it runs. */
        VALUE,
        /** Returns a {@code Uni}. */
        UNI,
        /** Returns a {@code CompletionStage}. */
        COMPLETION_STAGE
    }

    private final String taskName;
    private final String description;
    private final List<WorkerParameter> parameters;
    private final ReturnKind returnKind;
    private final String outputKey;
    private final boolean virtualThread;
    private final int concurrency;
    private final String pollInterval;
    private final String domain;

    /**
     * @param description the bean class and method, as {@code OrderWorker#process(OrderInfo)}, for messages
     * @param outputKey the {@code @OutputParam} key, or {@code null}
     * @param virtualThread whether the method is annotated {@code @RunOnVirtualThread}
     * @param concurrency the annotation's concurrency, 0 if not set
     * @param pollInterval the annotation's poll interval, empty if not set
     * @param domain the annotation's domain, empty if not set
     */
    @RecordableConstructor
    public WorkerMethod(String taskName, String description, List<WorkerParameter> parameters, ReturnKind returnKind,
            String outputKey, boolean virtualThread, int concurrency, String pollInterval, String domain) {
        this.taskName = taskName;
        this.description = description;
        this.parameters = parameters;
        this.returnKind = returnKind;
        this.outputKey = outputKey;
        this.virtualThread = virtualThread;
        this.concurrency = concurrency;
        this.pollInterval = pollInterval;
        this.domain = domain;
    }

    public String getTaskName() {
        return taskName;
    }

    public String getDescription() {
        return description;
    }

    public List<WorkerParameter> getParameters() {
        return parameters;
    }

    public ReturnKind getReturnKind() {
        return returnKind;
    }

    public String getOutputKey() {
        return outputKey;
    }

    public boolean isVirtualThread() {
        return virtualThread;
    }

    public int getConcurrency() {
        return concurrency;
    }

    public String getPollInterval() {
        return pollInterval;
    }

    public String getDomain() {
        return domain;
    }

    /** Whether the method occupies its thread until the task is done (it does not return a {@code Uni} or a stage). */
    public boolean isBlocking() {
        return returnKind == ReturnKind.VOID || returnKind == ReturnKind.VALUE;
    }
}

package io.quarkiverse.conductor.worker.model;

import java.util.Map;

/**
 * What to start: a workflow definition by name (the latest version unless one is given) with an input, and optionally
 * a correlation id, task domains and a priority.
 *
 * <pre>
 * String id = workflows.startWorkflow(new StartWorkflowRequest()
 *         .withName("process_order")
 *         .withInput(new OrderInfo(1001, "SKU-7", 3))
 *         .withCorrelationId("order-1001"));
 * </pre>
 *
 * The input is any value that the application's {@code ObjectMapper} writes as a JSON object: a {@code Map}, a POJO or a
 * record. It is the application's data, so the application's naming strategy and modules apply to it.
 */
public class StartWorkflowRequest {

    private String name;
    private Integer version;
    private String correlationId;
    private Object input;
    private Map<String, String> taskToDomain;
    private Integer priority;

    /** The name of the workflow definition to start. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public StartWorkflowRequest withName(String name) {
        this.name = name;
        return this;
    }

    /** The version of the workflow definition; {@code null} for the latest. */
    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public StartWorkflowRequest withVersion(Integer version) {
        this.version = version;
        return this;
    }

    /** An id of the application's choosing, to find the workflow by later (an order number, say). */
    public String getCorrelationId() {
        return correlationId;
    }

    public void setCorrelationId(String correlationId) {
        this.correlationId = correlationId;
    }

    public StartWorkflowRequest withCorrelationId(String correlationId) {
        this.correlationId = correlationId;
        return this;
    }

    /** The workflow's input: a {@code Map}, POJO or record; {@code null} for an empty input. */
    public Object getInput() {
        return input;
    }

    public void setInput(Object input) {
        this.input = input;
    }

    public StartWorkflowRequest withInput(Object input) {
        this.input = input;
        return this;
    }

    /**
     * The domain each task type is scheduled in, by task type ({@code "*"} for all): only workers polling that domain
     * get those tasks.
     */
    public Map<String, String> getTaskToDomain() {
        return taskToDomain;
    }

    public void setTaskToDomain(Map<String, String> taskToDomain) {
        this.taskToDomain = taskToDomain;
    }

    public StartWorkflowRequest withTaskToDomain(Map<String, String> taskToDomain) {
        this.taskToDomain = taskToDomain;
        return this;
    }

    /** From 0 (the default) to 99: tasks of higher-priority workflows are handed out first. */
    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public StartWorkflowRequest withPriority(Integer priority) {
        this.priority = priority;
        return this;
    }
}

package io.quarkiverse.conductor.worker.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A task as the Conductor server hands it to a worker (the JSON of {@code GET /api/tasks/poll/...}). Only the fields a
 * worker needs are mapped; the server may send more, and they are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Task {

    private String taskId;
    private String taskType;
    private String taskDefName;
    private String status;
    private String referenceTaskName;
    private String workflowInstanceId;
    private String workflowType;
    private String correlationId;
    private String domain;
    private String workerId;
    private String retriedTaskId;
    private String reasonForIncompletion;
    private int retryCount;
    private int pollCount;
    private int seq;
    private long callbackAfterSeconds;
    private long responseTimeoutSeconds;
    private long scheduledTime;
    private long startTime;
    private long endTime;
    private long updateTime;
    private Map<String, Object> inputData = Map.of();
    private Map<String, Object> outputData = Map.of();

    /** The id of this task execution; every retry gets a new one. */
    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    /** The task type: the name of the task definition, which is the name a {@code @ConductorWorker} polls for. */
    public String getTaskType() {
        return taskType;
    }

    public void setTaskType(String taskType) {
        this.taskType = taskType;
    }

    public String getTaskDefName() {
        return taskDefName;
    }

    public void setTaskDefName(String taskDefName) {
        this.taskDefName = taskDefName;
    }

    /**
     * The server's status of the task ({@code SCHEDULED}, {@code IN_PROGRESS}, {@code COMPLETED}, ...). Kept as a string
     * so that a status added by a newer server does not break polling.
     */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** The reference name of the task in its workflow definition. */
    public String getReferenceTaskName() {
        return referenceTaskName;
    }

    public void setReferenceTaskName(String referenceTaskName) {
        this.referenceTaskName = referenceTaskName;
    }

    /** The id of the workflow execution this task belongs to. */
    public String getWorkflowInstanceId() {
        return workflowInstanceId;
    }

    public void setWorkflowInstanceId(String workflowInstanceId) {
        this.workflowInstanceId = workflowInstanceId;
    }

    /** The name of the workflow definition this task belongs to. */
    public String getWorkflowType() {
        return workflowType;
    }

    public void setWorkflowType(String workflowType) {
        this.workflowType = workflowType;
    }

    public String getCorrelationId() {
        return correlationId;
    }

    public void setCorrelationId(String correlationId) {
        this.correlationId = correlationId;
    }

    /** The domain the task was scheduled in, or {@code null}. */
    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getWorkerId() {
        return workerId;
    }

    public void setWorkerId(String workerId) {
        this.workerId = workerId;
    }

    public String getRetriedTaskId() {
        return retriedTaskId;
    }

    public void setRetriedTaskId(String retriedTaskId) {
        this.retriedTaskId = retriedTaskId;
    }

    public String getReasonForIncompletion() {
        return reasonForIncompletion;
    }

    public void setReasonForIncompletion(String reasonForIncompletion) {
        this.reasonForIncompletion = reasonForIncompletion;
    }

    /** How many times this task was retried before this execution: 0 for the first attempt. */
    public int getRetryCount() {
        return retryCount;
    }

    public void setRetryCount(int retryCount) {
        this.retryCount = retryCount;
    }

    /**
     * How many times this task execution was handed to a worker; grows each time a worker returned
     * {@code IN_PROGRESS} and the task came back after its callback delay.
     */
    public int getPollCount() {
        return pollCount;
    }

    public void setPollCount(int pollCount) {
        this.pollCount = pollCount;
    }

    public int getSeq() {
        return seq;
    }

    public void setSeq(int seq) {
        this.seq = seq;
    }

    public long getCallbackAfterSeconds() {
        return callbackAfterSeconds;
    }

    public void setCallbackAfterSeconds(long callbackAfterSeconds) {
        this.callbackAfterSeconds = callbackAfterSeconds;
    }

    public long getResponseTimeoutSeconds() {
        return responseTimeoutSeconds;
    }

    public void setResponseTimeoutSeconds(long responseTimeoutSeconds) {
        this.responseTimeoutSeconds = responseTimeoutSeconds;
    }

    /** When the server queued the task, in epoch milliseconds. */
    public long getScheduledTime() {
        return scheduledTime;
    }

    public void setScheduledTime(long scheduledTime) {
        this.scheduledTime = scheduledTime;
    }

    /** When a worker first received the task, in epoch milliseconds. */
    public long getStartTime() {
        return startTime;
    }

    public void setStartTime(long startTime) {
        this.startTime = startTime;
    }

    public long getEndTime() {
        return endTime;
    }

    public void setEndTime(long endTime) {
        this.endTime = endTime;
    }

    public long getUpdateTime() {
        return updateTime;
    }

    public void setUpdateTime(long updateTime) {
        this.updateTime = updateTime;
    }

    /** The task's input, as the workflow computed it; never {@code null}. */
    public Map<String, Object> getInputData() {
        return inputData;
    }

    public void setInputData(Map<String, Object> inputData) {
        this.inputData = inputData == null ? Map.of() : inputData;
    }

    /** The output reported so far (for a task that came back after {@code IN_PROGRESS}); never {@code null}. */
    public Map<String, Object> getOutputData() {
        return outputData;
    }

    public void setOutputData(Map<String, Object> outputData) {
        this.outputData = outputData == null ? Map.of() : outputData;
    }

    @Override
    public String toString() {
        return "Task[" + taskType + " " + taskId + " of workflow " + workflowInstanceId + "]";
    }
}

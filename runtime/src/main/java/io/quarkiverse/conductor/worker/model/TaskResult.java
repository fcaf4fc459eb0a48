package io.quarkiverse.conductor.worker.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of one task execution, as a worker reports it to the server ({@code POST /api/tasks}).
 * <p>
 * A worker method may return a {@code TaskResult} to control the status itself, for instance to keep a long-running
 * task {@link Status#IN_PROGRESS} and be called again later:
 *
 * <pre>
 * return TaskResult.inProgress(task, Duration.ofSeconds(60)).output("progress", 40);
 * </pre>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TaskResult {

    /** The statuses a worker may report. */
    public enum Status {
        /** Not finished: the server hands the task back after {@code callbackAfterSeconds}. */
        IN_PROGRESS,
        /** Done; {@code outputData} is the task's output. */
        COMPLETED,
        /** Failed; the server retries as the task definition says. */
        FAILED,
        /** Failed for good: no retry, the workflow fails. */
        FAILED_WITH_TERMINAL_ERROR
    }

    private String taskId;
    private String workflowInstanceId;
    private String workerId;
    private Status status;
    private String reasonForIncompletion;
    private long callbackAfterSeconds;
    private boolean extendLease;
    private Map<String, Object> outputData = new LinkedHashMap<>();
    private List<TaskExecLog> logs = new ArrayList<>();

    public TaskResult() {
    }

    /** A result for {@code task}, carrying its ids; the status is still to be set. */
    public TaskResult(Task task) {
        this.taskId = task.getTaskId();
        this.workflowInstanceId = task.getWorkflowInstanceId();
    }

    /** {@code task} completed; add its output with {@link #output(String, Object)}. */
    public static TaskResult completed(Task task) {
        return new TaskResult(task).status(Status.COMPLETED);
    }

    /** {@code task} is not finished: the server hands it back to a worker after {@code callbackAfter}. */
    public static TaskResult inProgress(Task task, Duration callbackAfter) {
        return new TaskResult(task).status(Status.IN_PROGRESS).callbackAfter(callbackAfter);
    }

    /** {@code task} failed for {@code reason}; the server retries it as its task definition says. */
    public static TaskResult failed(Task task, String reason) {
        return new TaskResult(task).status(Status.FAILED).reason(reason);
    }

    /** {@code task} failed for {@code reason} and must not be retried. */
    public static TaskResult failedWithTerminalError(Task task, String reason) {
        return new TaskResult(task).status(Status.FAILED_WITH_TERMINAL_ERROR).reason(reason);
    }

    /** Sets the status and returns this result. */
    public TaskResult status(Status status) {
        this.status = status;
        return this;
    }

    /** Sets the reason for incompletion and returns this result. */
    public TaskResult reason(String reason) {
        this.reasonForIncompletion = reason;
        return this;
    }

    /**
     * Sets how long the server waits before handing an {@link Status#IN_PROGRESS} task to a worker again, and returns
     * this result. The server counts whole seconds: a delay with a fraction of a second is rounded up, so that
     * {@code 500ms} does not mean "now".
     *
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public TaskResult callbackAfter(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("A callback needs a delay of zero or more, got " + delay);
        }
        this.callbackAfterSeconds = delay.getSeconds() + (delay.getNano() > 0 ? 1 : 0);
        return this;
    }

    /** Puts one output entry and returns this result. */
    public TaskResult output(String key, Object value) {
        outputData.put(key, value);
        return this;
    }

    /** Appends a line to the task's execution log and returns this result. */
    public TaskResult log(String line) {
        logs.add(new TaskExecLog(line, taskId, System.currentTimeMillis()));
        return this;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public String getWorkflowInstanceId() {
        return workflowInstanceId;
    }

    public void setWorkflowInstanceId(String workflowInstanceId) {
        this.workflowInstanceId = workflowInstanceId;
    }

    public String getWorkerId() {
        return workerId;
    }

    public void setWorkerId(String workerId) {
        this.workerId = workerId;
    }

    public Status getStatus() {
        return status;
    }

    public void setStatus(Status status) {
        this.status = status;
    }

    public String getReasonForIncompletion() {
        return reasonForIncompletion;
    }

    public void setReasonForIncompletion(String reasonForIncompletion) {
        this.reasonForIncompletion = reasonForIncompletion;
    }

    /** With {@link Status#IN_PROGRESS}: how long the server waits before handing the task to a worker again. */
    public long getCallbackAfterSeconds() {
        return callbackAfterSeconds;
    }

    public void setCallbackAfterSeconds(long callbackAfterSeconds) {
        this.callbackAfterSeconds = callbackAfterSeconds;
    }

    /**
     * Whether this is no result but a lease extension: the server renews the task's update time, so that it does not
     * time the task out while a worker still runs it, and changes nothing else. The extension sends these itself.
     */
    public boolean isExtendLease() {
        return extendLease;
    }

    public void setExtendLease(boolean extendLease) {
        this.extendLease = extendLease;
    }

    public Map<String, Object> getOutputData() {
        return outputData;
    }

    public void setOutputData(Map<String, Object> outputData) {
        this.outputData = outputData == null ? new LinkedHashMap<>() : outputData;
    }

    public List<TaskExecLog> getLogs() {
        return logs;
    }

    public void setLogs(List<TaskExecLog> logs) {
        this.logs = logs == null ? new ArrayList<>() : logs;
    }

    @Override
    public String toString() {
        return "TaskResult[" + taskId + " " + status + (reasonForIncompletion == null ? "" : ": " + reasonForIncompletion)
                + "]";
    }
}

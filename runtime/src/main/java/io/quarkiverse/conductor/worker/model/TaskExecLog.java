package io.quarkiverse.conductor.worker.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One line of a task's execution log, shown by the Conductor UI beside the task.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class TaskExecLog {

    private String log;
    private String taskId;
    private long createdTime;

    public TaskExecLog() {
    }

    public TaskExecLog(String log, String taskId, long createdTime) {
        this.log = log;
        this.taskId = taskId;
        this.createdTime = createdTime;
    }

    public String getLog() {
        return log;
    }

    public void setLog(String log) {
        this.log = log;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    /** Epoch milliseconds. */
    public long getCreatedTime() {
        return createdTime;
    }

    public void setCreatedTime(long createdTime) {
        this.createdTime = createdTime;
    }

    @Override
    public String toString() {
        return log;
    }
}

package io.quarkiverse.conductor.worker.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A workflow execution as the Conductor server reports it ({@code GET /api/workflow/{id}}). Only the fields an
 * application usually reads are mapped; the server sends more, and they are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Workflow {

    /** Where a workflow execution stands. */
    public enum WorkflowStatus {
        RUNNING(false, false),
        COMPLETED(true, true),
        FAILED(true, false),
        TIMED_OUT(true, false),
        TERMINATED(true, false),
        PAUSED(false, true);

        private final boolean terminal;
        private final boolean successful;

        WorkflowStatus(boolean terminal, boolean successful) {
            this.terminal = terminal;
            this.successful = successful;
        }

        /** Whether the execution has ended: nothing runs any more. */
        public boolean isTerminal() {
            return terminal;
        }

        /** Whether nothing went wrong: completed, or paused by someone. */
        public boolean isSuccessful() {
            return successful;
        }
    }

    private String workflowId;
    private String workflowName;
    private int workflowVersion;
    private WorkflowStatus status;
    private String correlationId;
    private String parentWorkflowId;
    private String reasonForIncompletion;
    private int priority;
    private long createTime;
    private long startTime;
    private long endTime;
    private long updateTime;
    private Map<String, Object> input = Map.of();
    private Map<String, Object> output = Map.of();
    private Map<String, Object> variables = Map.of();
    private Map<String, String> taskToDomain = Map.of();
    private List<String> failedReferenceTaskNames = List.of();
    private List<Task> tasks = List.of();

    public String getWorkflowId() {
        return workflowId;
    }

    public void setWorkflowId(String workflowId) {
        this.workflowId = workflowId;
    }

    /** The name of the workflow definition this execution runs. */
    public String getWorkflowName() {
        return workflowName;
    }

    public void setWorkflowName(String workflowName) {
        this.workflowName = workflowName;
    }

    /** The version of the workflow definition this execution runs. */
    public int getWorkflowVersion() {
        return workflowVersion;
    }

    public void setWorkflowVersion(int workflowVersion) {
        this.workflowVersion = workflowVersion;
    }

    public WorkflowStatus getStatus() {
        return status;
    }

    public void setStatus(WorkflowStatus status) {
        this.status = status;
    }

    public String getCorrelationId() {
        return correlationId;
    }

    public void setCorrelationId(String correlationId) {
        this.correlationId = correlationId;
    }

    /** The id of the workflow that started this one as a sub-workflow, if one did. */
    public String getParentWorkflowId() {
        return parentWorkflowId;
    }

    public void setParentWorkflowId(String parentWorkflowId) {
        this.parentWorkflowId = parentWorkflowId;
    }

    /** Why the execution failed, timed out or was terminated. */
    public String getReasonForIncompletion() {
        return reasonForIncompletion;
    }

    public void setReasonForIncompletion(String reasonForIncompletion) {
        this.reasonForIncompletion = reasonForIncompletion;
    }

    public int getPriority() {
        return priority;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    /** When the execution was created, in milliseconds since the epoch. */
    public long getCreateTime() {
        return createTime;
    }

    public void setCreateTime(long createTime) {
        this.createTime = createTime;
    }

    public long getStartTime() {
        return startTime;
    }

    public void setStartTime(long startTime) {
        this.startTime = startTime;
    }

    /** When the execution ended, 0 while it runs. */
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

    /** The input the workflow was started with. */
    public Map<String, Object> getInput() {
        return input;
    }

    public void setInput(Map<String, Object> input) {
        this.input = input == null ? Map.of() : input;
    }

    /** The output of the workflow: its definition's {@code outputParameters}, evaluated when it completed. */
    public Map<String, Object> getOutput() {
        return output;
    }

    public void setOutput(Map<String, Object> output) {
        this.output = output == null ? Map.of() : output;
    }

    public Map<String, Object> getVariables() {
        return variables;
    }

    public void setVariables(Map<String, Object> variables) {
        this.variables = variables == null ? Map.of() : variables;
    }

    /** The task domains the workflow was started with, by task type. */
    public Map<String, String> getTaskToDomain() {
        return taskToDomain;
    }

    public void setTaskToDomain(Map<String, String> taskToDomain) {
        this.taskToDomain = taskToDomain == null ? Map.of() : taskToDomain;
    }

    /** The reference names of the tasks that failed the workflow. */
    public List<String> getFailedReferenceTaskNames() {
        return failedReferenceTaskNames;
    }

    public void setFailedReferenceTaskNames(List<String> failedReferenceTaskNames) {
        this.failedReferenceTaskNames = failedReferenceTaskNames == null ? List.of() : failedReferenceTaskNames;
    }

    /** The tasks scheduled so far, every attempt of each, in order; empty when read without its tasks. */
    public List<Task> getTasks() {
        return tasks;
    }

    public void setTasks(List<Task> tasks) {
        this.tasks = tasks == null ? List.of() : tasks;
    }

    /** Every attempt of the task with reference name {@code referenceName}, oldest first. */
    public List<Task> getTasksByRefName(String referenceName) {
        List<Task> attempts = new ArrayList<>();
        for (Task task : tasks) {
            if (referenceName.equals(task.getReferenceTaskName())) {
                attempts.add(task);
            }
        }
        return attempts;
    }

    /** The latest attempt of the task with reference name {@code referenceName}, or {@code null} if none was scheduled. */
    public Task getTaskByRefName(String referenceName) {
        List<Task> attempts = getTasksByRefName(referenceName);
        return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
    }

    @Override
    public String toString() {
        return "Workflow[" + workflowName + " v" + workflowVersion + " " + workflowId + " " + status
                + (reasonForIncompletion == null ? "" : ": " + reasonForIncompletion) + "]";
    }
}

package io.quarkiverse.conductor.worker.it.admin;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkiverse.conductor.worker.model.Task;

/**
 * A workflow execution as the server reports it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Workflow(String workflowId, String workflowName, String status, Map<String, Object> input,
        Map<String, Object> output, String reasonForIncompletion, List<Task> tasks) {

    public boolean isTerminal() {
        return !"RUNNING".equals(status) && !"PAUSED".equals(status);
    }

    /** The tasks with reference name {@code referenceName}, one per attempt, oldest first. */
    public List<Task> attempts(String referenceName) {
        return tasks == null ? List.of()
                : tasks.stream().filter(task -> referenceName.equals(task.getReferenceTaskName())).toList();
    }
}

package io.quarkiverse.conductor.worker.it.admin;

import java.util.List;
import java.util.Map;

/**
 * A Conductor workflow definition made of worker ({@code SIMPLE}) tasks run one after the other.
 */
public record WorkflowDefinition(String name, String description, int version, int schemaVersion,
        List<WorkflowTask> tasks, Map<String, Object> outputParameters, long timeoutSeconds, String timeoutPolicy) {

    public static WorkflowDefinition of(String name, List<WorkflowTask> tasks, Map<String, Object> outputParameters) {
        return new WorkflowDefinition(name, name, 1, 2, tasks, outputParameters, 0, "ALERT_ONLY");
    }

    /** A worker task of the workflow. */
    public record WorkflowTask(String name, String taskReferenceName, String type, Map<String, Object> inputParameters) {

        public static WorkflowTask simple(String taskName, String referenceName, Map<String, Object> inputParameters) {
            return new WorkflowTask(taskName, referenceName, "SIMPLE", inputParameters);
        }
    }
}

package io.quarkiverse.conductor.worker.runtime.devui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.quarkiverse.conductor.worker.ReactiveWorkflowClient;
import io.quarkiverse.conductor.worker.model.StartWorkflowRequest;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.Workflow;
import io.quarkiverse.conductor.worker.runtime.client.TaskApiClient;
import io.quarkiverse.conductor.worker.runtime.definitions.DefinitionFile;
import io.quarkiverse.conductor.worker.runtime.definitions.DefinitionRegistrar;
import io.quarkiverse.conductor.worker.runtime.definitions.Registration;
import io.smallrye.mutiny.Uni;

/**
 * What the Dev UI shows of the definitions (dev mode only): each one with where it comes from and what its
 * registration did; and a form that starts a registered workflow with a JSON input and follows its execution.
 */
@ApplicationScoped
public class ConductorDefinitionsJsonRpcService {

    /** The input typed in the form is plain JSON: read as it is written. */
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Inject
    DefinitionRegistrar registrar;

    @Inject
    ReactiveWorkflowClient workflows;

    /** The registration mode, and one row per definition: task definitions first, then workflows. */
    public Map<String, Object> getDefinitions() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Registration registration : registrar.registrations()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", registration.definition().kind() == DefinitionFile.Kind.TASK ? "task" : "workflow");
            row.put("name", registration.definition().name());
            row.put("version", registration.definition().version());
            row.put("origin", registration.definition().origin());
            row.put("status", registration.status().name().toLowerCase().replace('_', ' '));
            row.put("detail", registration.detail() == null ? "" : registration.detail());
            rows.add(row);
        }
        Map<String, Object> definitions = new LinkedHashMap<>();
        definitions.put("mode", registrar.mode().name().toLowerCase().replace('_', '-'));
        definitions.put("definitions", rows);
        return definitions;
    }

    /**
     * Starts workflow {@code name} at {@code version} with {@code input}, a JSON object as text. Answers with
     * {@code workflowId}, or with {@code error}: the input is not a JSON object, or the server refused.
     */
    public Uni<Map<String, Object>> startWorkflow(String name, int version, String input) {
        JsonNode parsed;
        try {
            parsed = input == null || input.isBlank() ? JSON.createObjectNode() : JSON.readTree(input);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().item(Map.of("error", "The input is not valid JSON: " + e.getOriginalMessage()));
        }
        if (!parsed.isObject()) {
            return Uni.createFrom().item(Map.of("error", "The input must be a JSON object, such as {\"name\": \"Ada\"}"));
        }
        StartWorkflowRequest request = new StartWorkflowRequest().withName(name)
                .withVersion(version > 0 ? version : null).withInput(JSON.convertValue(parsed, Map.class));
        return workflows.startWorkflow(request).map(id -> Map.<String, Object> of("workflowId", id))
                .onFailure().recoverWithItem(failure -> Map.of("error", TaskApiClient.describe(failure)));
    }

    /** The execution {@code workflowId}: status, output, reason, and each task's reference name and status. */
    public Uni<Map<String, Object>> getExecution(String workflowId) {
        return workflows.getWorkflow(workflowId, true).map(ConductorDefinitionsJsonRpcService::execution)
                .onFailure().recoverWithItem(failure -> Map.of("error", TaskApiClient.describe(failure)));
    }

    private static Map<String, Object> execution(Workflow workflow) {
        Map<String, Object> execution = new LinkedHashMap<>();
        execution.put("workflowId", workflow.getWorkflowId());
        execution.put("status", String.valueOf(workflow.getStatus()));
        execution.put("terminal", workflow.getStatus() != null && workflow.getStatus().isTerminal());
        execution.put("output", workflow.getOutput());
        execution.put("reasonForIncompletion",
                workflow.getReasonForIncompletion() == null ? "" : workflow.getReasonForIncompletion());
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (Task task : workflow.getTasks()) {
            tasks.add(Map.of("referenceTaskName", String.valueOf(task.getReferenceTaskName()),
                    "taskType", String.valueOf(task.getTaskType()), "status", String.valueOf(task.getStatus())));
        }
        execution.put("tasks", tasks);
        return execution;
    }
}

package io.quarkiverse.conductor.worker.runtime.client;

import java.util.Map;
import java.util.Objects;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.conductor.worker.ReactiveWorkflowClient;
import io.quarkiverse.conductor.worker.model.StartWorkflowRequest;
import io.quarkiverse.conductor.worker.model.Workflow;
import io.smallrye.mutiny.Uni;

@Singleton
public class DefaultReactiveWorkflowClient implements ReactiveWorkflowClient {

    private final WorkflowApiClient client;
    private final ObjectMapper applicationMapper;

    @Inject
    public DefaultReactiveWorkflowClient(WorkflowApiClient client, ObjectMapper applicationMapper) {
        this.client = client;
        this.applicationMapper = applicationMapper;
    }

    @Override
    public Uni<String> startWorkflow(String name, Object input) {
        return startWorkflow(new StartWorkflowRequest().withName(name).withInput(input));
    }

    @Override
    public Uni<String> startWorkflow(StartWorkflowRequest request) {
        return Uni.createFrom().item(() -> ConductorJson.write(wireFormat(request))).chain(client::start);
    }

    /**
     * The request as the server reads it. The envelope is Conductor's; the input is the application's data, written by the
     * application's mapper.
     */
    private ObjectNode wireFormat(StartWorkflowRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.getName() == null || request.getName().isBlank()) {
            throw new IllegalArgumentException("A workflow to start needs the name of its definition");
        }
        ObjectNode wire = JsonNodeFactory.instance.objectNode();
        wire.put("name", request.getName());
        if (request.getVersion() != null) {
            wire.put("version", request.getVersion());
        }
        if (request.getCorrelationId() != null) {
            wire.put("correlationId", request.getCorrelationId());
        }
        if (request.getPriority() != null) {
            wire.put("priority", request.getPriority());
        }
        wire.set("input", input(request.getName(), request.getInput()));
        Map<String, String> taskToDomain = request.getTaskToDomain();
        if (taskToDomain != null && !taskToDomain.isEmpty()) {
            ObjectNode domains = wire.putObject("taskToDomain");
            taskToDomain.forEach(domains::put);
        }
        return wire;
    }

    private JsonNode input(String workflow, Object input) {
        if (input == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode tree;
        try {
            tree = applicationMapper.valueToTree(input);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot write the input of workflow " + workflow + " ("
                    + input.getClass().getName() + ") as JSON: " + e.getMessage(), e);
        }
        if (!tree.isObject()) {
            throw new IllegalArgumentException("The input of workflow " + workflow + " must be a JSON object (a Map, a"
                    + " POJO or a record), not " + input.getClass().getSimpleName() + " (JSON " + tree.getNodeType()
                    + "): wrap it, as in Map.of(\"value\", input)");
        }
        return tree;
    }

    @Override
    public Uni<Workflow> getWorkflow(String workflowId, boolean includeTasks) {
        return client.get(workflowId, includeTasks);
    }

    @Override
    public Uni<Void> terminateWorkflow(String workflowId, String reason) {
        return client.terminate(workflowId, reason);
    }
}

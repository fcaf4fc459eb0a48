package io.quarkiverse.conductor.worker.it.admin;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A request to start a workflow; {@code taskToDomain} routes task types to domains.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StartWorkflow(String name, Integer version, Map<String, Object> input, String correlationId,
        Map<String, String> taskToDomain) {

    public static StartWorkflow of(String name, Map<String, Object> input) {
        return new StartWorkflow(name, 1, input, null, null);
    }

    public StartWorkflow inDomains(Map<String, String> taskToDomain) {
        return new StartWorkflow(name, version, input, correlationId, taskToDomain);
    }
}

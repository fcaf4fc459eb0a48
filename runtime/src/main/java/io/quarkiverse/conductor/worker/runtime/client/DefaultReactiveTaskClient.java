package io.quarkiverse.conductor.worker.runtime.client;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.conductor.worker.ReactiveTaskClient;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.runtime.OutputConverter;
import io.smallrye.mutiny.Uni;

@Singleton
public class DefaultReactiveTaskClient implements ReactiveTaskClient {

    private final TaskApiClient client;
    private final OutputConverter converter;

    @Inject
    public DefaultReactiveTaskClient(TaskApiClient client, ObjectMapper mapper) {
        this.client = client;
        this.converter = new OutputConverter(mapper);
    }

    @Override
    public Uni<Task> getTask(String taskId) {
        return client.getTask(taskId);
    }

    @Override
    public Uni<Void> updateTask(String taskId, String workflowInstanceId, TaskResult.Status status, Object output) {
        return Uni.createFrom().item(() -> {
            TaskResult result = new TaskResult();
            result.setTaskId(taskId);
            result.setWorkflowInstanceId(workflowInstanceId);
            result.setStatus(status);
            result.setOutputData(converter.toOutput(output, null));
            return result;
        }).chain(this::updateTask);
    }

    @Override
    public Uni<Void> updateTask(TaskResult result) {
        return Uni.createFrom().item(() -> ConductorJson.write(result))
                .chain(json -> Uni.createFrom().completionStage(() -> client.update(json).toCompletionStage()));
    }

    @Override
    public Uni<String> updateTaskByReferenceName(String workflowInstanceId, String taskReferenceName,
            TaskResult.Status status, Object output) {
        return Uni.createFrom().item(() -> converter.toOutput(output, null))
                .chain(converted -> client.updateByReferenceName(workflowInstanceId, taskReferenceName, status, null,
                        converted));
    }

    @Override
    public Uni<Void> addLog(String taskId, String line) {
        return client.log(taskId, line);
    }
}

package io.quarkiverse.conductor.worker.runtime.client;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.conductor.worker.ReactiveTaskClient;
import io.quarkiverse.conductor.worker.TaskClient;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;

/** The blocking form of {@link ReactiveTaskClient}: each call waits, bounded by the HTTP client's timeouts. */
@Singleton
public class DefaultTaskClient implements TaskClient {

    private final ReactiveTaskClient reactive;

    @Inject
    public DefaultTaskClient(ReactiveTaskClient reactive) {
        this.reactive = reactive;
    }

    @Override
    public Task getTask(String taskId) {
        return reactive.getTask(taskId).await().indefinitely();
    }

    @Override
    public void updateTask(String taskId, String workflowInstanceId, TaskResult.Status status, Object output) {
        reactive.updateTask(taskId, workflowInstanceId, status, output).await().indefinitely();
    }

    @Override
    public void updateTask(TaskResult result) {
        reactive.updateTask(result).await().indefinitely();
    }

    @Override
    public String updateTaskByReferenceName(String workflowInstanceId, String taskReferenceName, TaskResult.Status status,
            Object output) {
        return reactive.updateTaskByReferenceName(workflowInstanceId, taskReferenceName, status, output).await()
                .indefinitely();
    }

    @Override
    public void addLog(String taskId, String line) {
        reactive.addLog(taskId, line).await().indefinitely();
    }
}

package io.quarkiverse.conductor.worker.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.runtime.Outcome;
import io.quarkiverse.conductor.worker.runtime.Worker;
import io.quarkiverse.conductor.worker.runtime.WorkerRegistry;
import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Uni;

/**
 * Runs tasks through the path the poller uses: a task DTO goes into the registered {@link Worker}, a
 * {@link TaskResult} comes out.
 */
public final class Tasks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Executor EXECUTOR = command -> {
        Thread thread = new Thread(command, "test-task-executor");
        thread.setDaemon(true);
        thread.start();
    };

    private Tasks() {
    }

    /** A task of type {@code taskType} whose input is the JSON object {@code inputJson}, as the server sends it. */
    public static Task task(String taskType, String inputJson) {
        Task task = new Task();
        task.setTaskId(UUID.randomUUID().toString());
        task.setWorkflowInstanceId(UUID.randomUUID().toString());
        task.setTaskType(taskType);
        task.setReferenceTaskName(taskType + "_ref");
        task.setPollCount(1);
        try {
            task.setInputData(JSON.readValue(inputJson, new TypeReference<Map<String, Object>>() {
            }));
        } catch (Exception e) {
            throw new IllegalArgumentException(inputJson, e);
        }
        return task;
    }

    public static TaskResult execute(String taskType, String inputJson) {
        return execute(task(taskType, inputJson));
    }

    public static TaskResult execute(Task task) {
        Worker worker = Arc.container().instance(WorkerRegistry.class).get().worker(task.getTaskType());
        assertThat(worker).as("worker of task %s", task.getTaskType()).isNotNull();
        // like the poller, run on a plain thread: the test thread has a request context active
        TaskResult result = Uni.createFrom().<Outcome> emitter(done -> EXECUTOR.execute(() -> worker.execute(task,
                done::complete))).await().atMost(Duration.ofSeconds(10)).result();
        assertThat(result.getTaskId()).isEqualTo(task.getTaskId());
        assertThat(result.getWorkflowInstanceId()).isEqualTo(task.getWorkflowInstanceId());
        return result;
    }
}

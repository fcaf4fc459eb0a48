package io.quarkiverse.conductor.worker.test.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.TaskContext;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.test.Tasks;
import io.quarkus.test.QuarkusUnitTest;

class TaskAndContextParameterTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Inspector.class, Tasks.class));

    @Test
    void taskAndContextParametersReceiveTheTaskBeingExecuted() {
        Task task = Tasks.task("inspect", "{\"label\": \"x\"}");
        task.setRetryCount(2);
        task.setPollCount(3);

        TaskResult result = Tasks.execute(task);

        assertThat(result.getOutputData()).isEqualTo(Map.of(
                "taskId", task.getTaskId(),
                "workflowId", task.getWorkflowInstanceId(),
                "sameTask", true,
                "retryCount", 2,
                "pollCount", 3,
                "label", "x"));
    }

    static class Inspector {

        @ConductorWorker("inspect")
        Map<String, Object> inspect(Task task, String label, TaskContext context) {
            return Map.of(
                    "taskId", context.taskId(),
                    "workflowId", context.workflowInstanceId(),
                    "sameTask", context.task() == task,
                    "retryCount", context.retryCount(),
                    "pollCount", context.pollCount(),
                    "label", label);
        }
    }
}

package io.quarkiverse.conductor.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskExecLog;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.runtime.Outcome;
import io.quarkiverse.conductor.worker.runtime.WorkerRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * The seeds' example workers, run through the extension's invocation path: a task as the server sends it goes in,
 * the result the poller reports comes out.
 */
@QuarkusTest
class SeedWorkersTest {

    @Inject
    WorkerRegistry registry;

    @Test
    void greetingsGreetsByName() {
        TaskResult result = execute(task("greetings", Map.of("name", "Conductor")));

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.COMPLETED);
        assertThat(result.getOutputData()).isEqualTo(Map.of("result", "Hello, Conductor"));
    }

    @Test
    void processOrderReadsTheWholeInputAsOrderInfo() {
        TaskResult result = execute(task("process_order",
                Map.of("order_id", 1234, "sku", "ABC-1", "quantity", 2, "sku_price", 9.99)));

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.COMPLETED);
        assertThat(result.getOutputData()).isEqualTo(Map.of("result", "order: 1234"));
    }

    @Test
    void simpleWorkerReturnsKeysMessageAndValue() {
        TaskResult result = execute(task("simple_worker", Map.of()));

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.COMPLETED);
        assertThat(result.getOutputData()).containsOnlyKeys("keys", "message", "value")
                .containsEntry("keys", List.of("Key1", "Key2"))
                .containsEntry("message", "Hello World");
        assertThat((Double) result.getOutputData().get("value")).isNotNegative();
    }

    @Test
    void longRunningStaysInProgressUntilItsLastStep() {
        Task task = task("long_running", Map.of("job", "report"));

        TaskResult first = execute(task);
        task.setPollCount(LongRunningWorker.STEPS);
        TaskResult last = execute(task);

        assertThat(first.getStatus()).isEqualTo(TaskResult.Status.IN_PROGRESS);
        assertThat(first.getCallbackAfterSeconds()).isEqualTo(1);
        assertThat(first.getOutputData()).isEqualTo(Map.of("job", "report", "progress", 33));
        assertThat(first.getLogs()).extracting(TaskExecLog::getLog).containsExactly("report: step 1 of 3");
        assertThat(last.getStatus()).isEqualTo(TaskResult.Status.COMPLETED);
        assertThat(last.getOutputData()).isEqualTo(Map.of("job", "report", "progress", 100, "done", true));
    }

    private TaskResult execute(Task task) {
        return Uni.createFrom().<Outcome> emitter(done -> registry.worker(task.getTaskType()).execute(task,
                done::complete)).await().atMost(Duration.ofSeconds(10)).result();
    }

    private static Task task(String type, Map<String, Object> input) {
        Task task = new Task();
        task.setTaskId(UUID.randomUUID().toString());
        task.setWorkflowInstanceId(UUID.randomUUID().toString());
        task.setTaskType(type);
        task.setPollCount(1);
        task.setInputData(input);
        return task;
    }
}

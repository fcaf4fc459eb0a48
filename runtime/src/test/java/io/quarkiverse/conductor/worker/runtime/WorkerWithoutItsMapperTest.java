package io.quarkiverse.conductor.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;

/**
 * The application's mapper is made after the first polls are out; when it cannot be made (a customizer throws, and the
 * start fails with it), a task such a poll brought is reported failed instead of held: {@code execute} never throws,
 * and the results of a timeout or an unexpected failure need no mapper.
 */
class WorkerWithoutItsMapperTest {

    private final WorkerMethod method = new WorkerMethod("greet", "Greeter#greet(String)", List.of(),
            WorkerMethod.ReturnKind.VALUE, null, false, 0, "", "");
    private final Worker worker = new Worker(method, (instance, arguments) -> "hello", () -> {
        throw new IllegalStateException("the customizer is broken");
    }, null);

    @Test
    void aTaskIsReportedFailedWhenTheMapperCannotBeMade() {
        List<Outcome> outcomes = new ArrayList<>();

        assertThatCode(() -> worker.execute(task(), outcomes::add)).doesNotThrowAnyException();

        assertThat(outcomes).hasSize(1);
        TaskResult result = outcomes.get(0).result();
        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.FAILED);
        assertThat(result.getTaskId()).isEqualTo("t-1");
        assertThat(result.getReasonForIncompletion()).contains("the customizer is broken");
    }

    @Test
    void timeoutsAndUnexpectedFailuresNeedNoMapper() {
        assertThat(worker.results().timedOut(task(), Duration.ofSeconds(5), true).getStatus())
                .isEqualTo(TaskResult.Status.FAILED);
        assertThat(worker.results().unexpected(task(), new IllegalStateException("boom")).getStatus())
                .isEqualTo(TaskResult.Status.FAILED);
    }

    private static Task task() {
        Task task = new Task();
        task.setTaskId("t-1");
        task.setWorkflowInstanceId("wf-1");
        task.setTaskType("greet");
        task.setInputData(Map.of());
        return task;
    }
}

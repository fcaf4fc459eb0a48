package io.quarkiverse.conductor.worker.test.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.NonRetryableException;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.test.Tasks;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/**
 * {@code Uni} and {@code CompletionStage} results complete the task when they complete, with the same rules as
 * direct results.
 */
class AsynchronousResultTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, Reply.class, Tasks.class));

    @Test
    void uniOfRecordCompletesWithItsJsonObject() {
        TaskResult result = Tasks.execute("uni_record", "{\"text\": \"hi\"}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.COMPLETED);
        assertThat(result.getOutputData()).isEqualTo(Map.of("text", "hi!"));
    }

    @Test
    void delayedCompletionStageOfScalarCompletesWithResult() {
        TaskResult result = Tasks.execute("stage_scalar", "{}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.COMPLETED);
        assertThat(result.getOutputData()).isEqualTo(Map.of("result", 7));
    }

    @Test
    void uniOfTaskResultIsSentAsItIs() {
        TaskResult result = Tasks.execute("uni_task_result", "{}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.IN_PROGRESS);
        assertThat(result.getCallbackAfterSeconds()).isEqualTo(5);
    }

    @Test
    void failedUniFailsTheTask() {
        TaskResult result = Tasks.execute("uni_failure", "{}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.FAILED);
        assertThat(result.getReasonForIncompletion()).isEqualTo("downstream unavailable");
    }

    @Test
    void nonRetryableFailureOfAStageFailsTerminally() {
        TaskResult result = Tasks.execute("stage_terminal", "{}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.FAILED_WITH_TERMINAL_ERROR);
        assertThat(result.getReasonForIncompletion()).isEqualTo("card declined");
    }

    @Test
    void nullUniFailsTheTask() {
        TaskResult result = Tasks.execute("null_uni", "{}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.FAILED);
        assertThat(result.getReasonForIncompletion()).contains("is null");
    }

    record Reply(String text) {
    }

    static class Workers {

        @ConductorWorker("uni_record")
        Uni<Reply> uniRecord(String text) {
            return Uni.createFrom().item(new Reply(text + "!"));
        }

        @ConductorWorker("stage_scalar")
        CompletionStage<Integer> stageScalar() {
            return CompletableFuture.supplyAsync(() -> 7,
                    CompletableFuture.delayedExecutor(50, java.util.concurrent.TimeUnit.MILLISECONDS));
        }

        @ConductorWorker("uni_task_result")
        Uni<TaskResult> uniTaskResult(Task task) {
            return Uni.createFrom().item(TaskResult.inProgress(task, Duration.ofSeconds(5)));
        }

        @ConductorWorker("uni_failure")
        Uni<String> uniFailure() {
            return Uni.createFrom().failure(new IllegalStateException("downstream unavailable"));
        }

        @ConductorWorker("stage_terminal")
        CompletableFuture<String> stageTerminal() {
            return CompletableFuture.failedFuture(new NonRetryableException("card declined"));
        }

        @ConductorWorker("null_uni")
        Uni<String> nullUni() {
            return null;
        }
    }
}

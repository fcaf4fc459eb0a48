package io.quarkiverse.conductor.worker.test.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskExecLog;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.test.Tasks;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A returned {@code TaskResult} is sent as it is: the seeds' long-running pattern.
 */
class TaskResultReturnTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, Tasks.class));

    @Test
    void inProgressWithCallbackIsSentAsItIs() {
        TaskResult result = Tasks.execute("long_running", "{}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.IN_PROGRESS);
        assertThat(result.getCallbackAfterSeconds()).isEqualTo(60);
        assertThat(result.getOutputData()).isEqualTo(Map.of("progress", 10));
        assertThat(result.getLogs()).extracting(TaskExecLog::getLog).containsExactly("started");
    }

    @Test
    void failedWithReasonIsSentAsItIs() {
        TaskResult result = Tasks.execute("refuse", "{}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.FAILED_WITH_TERMINAL_ERROR);
        assertThat(result.getReasonForIncompletion()).isEqualTo("no stock");
    }

    @Test
    void missingIdsAndStatusAreFilledIn() {
        Task task = Tasks.task("bare", "{}");

        TaskResult result = Tasks.execute(task);

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.COMPLETED);
        assertThat(result.getOutputData()).isEqualTo(Map.of("k", "v"));
    }

    static class Workers {

        @ConductorWorker("long_running")
        TaskResult longRunning(Task task) {
            return TaskResult.inProgress(task, Duration.ofSeconds(60)).output("progress", 10).log("started");
        }

        @ConductorWorker("refuse")
        TaskResult refuse(Task task) {
            return TaskResult.failedWithTerminalError(task, "no stock");
        }

        @ConductorWorker("bare")
        TaskResult bare() {
            TaskResult result = new TaskResult();
            result.getOutputData().put("k", "v");
            return result;
        }
    }
}

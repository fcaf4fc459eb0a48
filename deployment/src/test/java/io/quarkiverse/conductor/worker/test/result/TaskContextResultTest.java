package io.quarkiverse.conductor.worker.test.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.TaskContext;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskExecLog;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.test.Tasks;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A worker asks through {@link TaskContext} to be called again later and adds log lines.
 */
class TaskContextResultTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Renderer.class, Tasks.class));

    @Test
    void callbackRequestKeepsTheTaskInProgressWithTheOutputSoFar() {
        TaskResult result = Tasks.execute("render", "{\"video\": \"v1\"}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.IN_PROGRESS);
        assertThat(result.getCallbackAfterSeconds()).isEqualTo(30);
        assertThat(result.getOutputData()).isEqualTo(Map.of("progress", 1));
        assertThat(result.getLogs()).extracting(TaskExecLog::getLog).containsExactly("rendering v1, poll 1");
        assertThat(result.getLogs()).extracting(TaskExecLog::getTaskId).containsOnly(result.getTaskId());
    }

    @Test
    void withoutCallbackRequestTheTaskCompletes() {
        Task task = Tasks.task("render", "{\"video\": \"v1\"}");
        task.setPollCount(3);

        TaskResult result = Tasks.execute(task);

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.COMPLETED);
        assertThat(result.getCallbackAfterSeconds()).isZero();
        assertThat(result.getOutputData()).isEqualTo(Map.of("url", "https://cdn/v1"));
        assertThat(result.getLogs()).extracting(TaskExecLog::getLog).containsExactly("rendering v1, poll 3");
    }

    @Test
    void fractionalCallbackIsRoundedUpToWholeSeconds() {
        TaskResult result = Tasks.execute("soon", "{}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.IN_PROGRESS);
        assertThat(result.getCallbackAfterSeconds()).isEqualTo(1);
    }

    static class Renderer {

        @ConductorWorker("render")
        Map<String, Object> render(String video, TaskContext context) {
            context.log("rendering " + video + ", poll " + context.pollCount());
            if (context.pollCount() < 3) {
                context.callbackAfter(Duration.ofSeconds(30));
                return Map.of("progress", context.pollCount());
            }
            return Map.of("url", "https://cdn/" + video);
        }

        @ConductorWorker("soon")
        void soon(TaskContext context) {
            context.callbackAfter(Duration.ofMillis(200));
        }
    }
}

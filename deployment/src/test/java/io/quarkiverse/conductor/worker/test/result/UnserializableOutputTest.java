package io.quarkiverse.conductor.worker.test.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.test.Tasks;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Output that cannot be written as JSON fails the task with a reason, rather than failing the update to the server
 * (which would lose the result).
 */
class UnserializableOutputTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, Broken.class, Tasks.class));

    @Test
    void unserializableReturnValueFailsTheTask() {
        TaskResult result = Tasks.execute("broken", "{}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.FAILED);
        assertThat(result.getReasonForIncompletion())
                .startsWith("The output of task 'broken' returned by UnserializableOutputTest$Workers#broken()"
                        + " cannot be serialized to JSON: ")
                .contains("sensor offline");
    }

    @Test
    void unserializableValueInAReturnedTaskResultFailsTheTask() {
        TaskResult result = Tasks.execute("broken_result", "{}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.FAILED);
        assertThat(result.getReasonForIncompletion()).contains("cannot be serialized to JSON");
    }

    public static class Broken {
        public String getReading() {
            throw new IllegalStateException("sensor offline");
        }
    }

    static class Workers {

        @ConductorWorker("broken")
        Broken broken() {
            return new Broken();
        }

        @ConductorWorker("broken_result")
        TaskResult brokenResult(Task task) {
            return TaskResult.completed(task).output("data", Map.of("reading", new Broken()));
        }
    }
}

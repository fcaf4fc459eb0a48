package io.quarkiverse.conductor.worker.test.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.test.Tasks;
import io.quarkus.test.QuarkusUnitTest;

class MissingInputTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Worker.class, Tasks.class));

    @Test
    void missingKeyGivesNullForAnObjectParameter() {
        TaskResult result = Tasks.execute("describe", "{\"count\": 1}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.COMPLETED);
        assertThat(result.getOutputData()).isEqualTo(Map.of("result", "null x 1"));
    }

    @Test
    void missingKeyFailsTerminallyForAPrimitiveParameter() {
        TaskResult result = Tasks.execute("describe", "{\"label\": \"apples\"}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.FAILED_WITH_TERMINAL_ERROR);
        assertThat(result.getReasonForIncompletion())
                .isEqualTo("Task 'describe' has no input 'count', required by parameter 'int count' of"
                        + " MissingInputTest$Worker#describe(String, int)");
    }

    @Test
    void explicitNullFailsTerminallyForAPrimitiveParameter() {
        TaskResult result = Tasks.execute("describe", "{\"label\": \"apples\", \"count\": null}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.FAILED_WITH_TERMINAL_ERROR);
        assertThat(result.getReasonForIncompletion()).contains("'count'");
    }

    static class Worker {

        @ConductorWorker("describe")
        String describe(String label, int count) {
            return label + " x " + count;
        }
    }
}

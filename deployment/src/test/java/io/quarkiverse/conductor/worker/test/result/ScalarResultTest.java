package io.quarkiverse.conductor.worker.test.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.test.Tasks;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A value that is not a JSON object is reported as {@code {"result": value}}.
 */
class ScalarResultTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, Color.class, Tasks.class));

    @Test
    void stringIsWrappedInResult() {
        assertThat(Tasks.execute("string", "{}").getOutputData()).isEqualTo(Map.of("result", "Hello, Ada"));
    }

    @Test
    void primitiveIsWrappedInResult() {
        assertThat(Tasks.execute("primitive", "{}").getOutputData()).isEqualTo(Map.of("result", 42L));
    }

    @Test
    void booleanIsWrappedInResult() {
        assertThat(Tasks.execute("bool", "{}").getOutputData()).isEqualTo(Map.of("result", true));
    }

    @Test
    void listIsWrappedInResult() {
        assertThat(Tasks.execute("list", "{}").getOutputData()).isEqualTo(Map.of("result", List.of("a", "b")));
    }

    @Test
    void arrayIsWrappedInResultAsAList() {
        assertThat(Tasks.execute("array", "{}").getOutputData()).isEqualTo(Map.of("result", List.of(1, 2, 3)));
    }

    @Test
    void enumIsWrappedInResultAsItsName() {
        TaskResult result = Tasks.execute("enum", "{}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.COMPLETED);
        assertThat(result.getOutputData()).isEqualTo(Map.of("result", "GREEN"));
    }

    enum Color {
        GREEN
    }

    static class Workers {

        @ConductorWorker("string")
        String string() {
            return "Hello, Ada";
        }

        @ConductorWorker("primitive")
        long primitive() {
            return 42L;
        }

        @ConductorWorker("bool")
        boolean bool() {
            return true;
        }

        @ConductorWorker("list")
        List<String> list() {
            return List.of("a", "b");
        }

        @ConductorWorker("array")
        int[] array() {
            return new int[] { 1, 2, 3 };
        }

        @ConductorWorker("enum")
        Color color() {
            return Color.GREEN;
        }
    }
}

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
 * A Map is the output; a POJO or record is converted to its JSON object, which is the output.
 */
class ObjectResultTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, TaskOutput.class, Address.class, Tasks.class));

    @Test
    void mapIsTheOutput() {
        TaskResult result = Tasks.execute("map", "{}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.COMPLETED);
        assertThat(result.getOutputData()).isEqualTo(Map.of("hello", "world", "nested", Map.of("n", 1)));
    }

    @Test
    void recordIsWrittenAsItsJsonObject() {
        TaskResult result = Tasks.execute("simple_worker", "{}");

        assertThat(result.getOutputData()).isEqualTo(Map.of(
                "keys", List.of("Key1", "Key2"),
                "message", "Hello World",
                "value", 0.5));
    }

    @Test
    void pojoIsWrittenAsItsJsonObject() {
        TaskResult result = Tasks.execute("address", "{}");

        assertThat(result.getOutputData()).isEqualTo(Map.of("street", "1 Main St", "zip", 12345));
    }

    /** The Go SDK's SimpleWorker output. */
    record TaskOutput(List<String> keys, String message, double value) {
    }

    public static class Address {
        public String street = "1 Main St";
        private final int zip = 12345;

        public int getZip() {
            return zip;
        }
    }

    static class Workers {

        @ConductorWorker("map")
        Map<String, Object> map() {
            return Map.of("hello", "world", "nested", Map.of("n", 1));
        }

        @ConductorWorker("simple_worker")
        TaskOutput simple() {
            return new TaskOutput(List.of("Key1", "Key2"), "Hello World", 0.5);
        }

        @ConductorWorker("address")
        Address address() {
            return new Address();
        }
    }
}

package io.quarkiverse.conductor.worker.test.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.OutputParam;
import io.quarkiverse.conductor.worker.test.Tasks;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

class OutputParamResultTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, Greeting.class, Tasks.class));

    @Test
    void scalarIsReportedUnderTheOutputKey() {
        assertThat(Tasks.execute("greet", "{\"name\": \"Ada\"}").getOutputData())
                .isEqualTo(Map.of("greeting", "Hello, Ada"));
    }

    @Test
    void objectIsReportedUnderTheOutputKeyNotSpread() {
        assertThat(Tasks.execute("greet_object", "{}").getOutputData())
                .isEqualTo(Map.of("greeting", Map.of("text", "hi")));
    }

    @Test
    void asynchronousValueIsReportedUnderTheOutputKey() {
        assertThat(Tasks.execute("greet_later", "{}").getOutputData())
                .isEqualTo(Map.of("greeting", "later"));
    }

    record Greeting(String text) {
    }

    static class Workers {

        @ConductorWorker("greet")
        @OutputParam("greeting")
        String greet(String name) {
            return "Hello, " + name;
        }

        @ConductorWorker("greet_object")
        @OutputParam("greeting")
        Greeting greetObject() {
            return new Greeting("hi");
        }

        @ConductorWorker("greet_later")
        @OutputParam("greeting")
        Uni<String> greetLater() {
            return Uni.createFrom().item("later");
        }
    }
}

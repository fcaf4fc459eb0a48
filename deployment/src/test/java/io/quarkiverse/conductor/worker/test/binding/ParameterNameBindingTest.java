package io.quarkiverse.conductor.worker.test.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.InputParam;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.test.Tasks;
import io.quarkus.test.QuarkusUnitTest;

class ParameterNameBindingTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class, Tasks.class));

    @Test
    void parameterBindsTheInputKeyOfItsOwnName() {
        TaskResult result = Tasks.execute("greetings", "{\"name\": \"Ada\", \"other\": 1}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.COMPLETED);
        assertThat(result.getOutputData()).isEqualTo(Map.of("result", "Hello, Ada"));
    }

    @Test
    void inputParamBindsTheKeyItNames() {
        TaskResult result = Tasks.execute("send_email", "{\"to_address\": \"ada@example.com\", \"times\": 3}");

        assertThat(result.getOutputData()).isEqualTo(Map.of("result", "3 x ada@example.com"));
    }

    static class Greeter {

        @ConductorWorker("greetings")
        String greetings(String name) {
            return "Hello, " + name;
        }

        @ConductorWorker("send_email")
        String send(@InputParam("to_address") String to, int times) {
            return times + " x " + to;
        }
    }
}

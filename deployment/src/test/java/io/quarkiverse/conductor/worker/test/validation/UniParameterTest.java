package io.quarkiverse.conductor.worker.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

class UniParameterTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Worker.class))
            .assertException(BuildFailure.hasMessage(
                    "Parameter 'Uni<String> name' of method UniParameterTest$Worker#greet(Uni<String>) has type Uni<String>,"
                            + " which cannot be bound from the task input: a worker receives values, not promises of values"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }

    static class Worker {
        @ConductorWorker("greetings")
        String greet(Uni<String> name) {
            return "";
        }
    }
}

package io.quarkiverse.conductor.worker.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkus.test.QuarkusUnitTest;

class WorkerOnInterfaceTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class))
            .assertException(BuildFailure.hasMessage(
                    "Method WorkerOnInterfaceTest$Greeter#greet(String) is annotated @ConductorWorker but"
                            + " WorkerOnInterfaceTest$Greeter is not a bean class (it is an interface)"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }

    interface Greeter {
        @ConductorWorker("greetings")
        default String greet(String name) {
            return name;
        }
    }
}

package io.quarkiverse.conductor.worker.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkus.test.QuarkusUnitTest;

class AbstractWorkerMethodTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class))
            .assertException(BuildFailure.hasMessage(
                    "Method AbstractWorkerMethodTest$Greeter#greet(String) is annotated @ConductorWorker but"
                            + " AbstractWorkerMethodTest$Greeter is not a bean class (it is abstract)"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }

    abstract static class Greeter {
        @ConductorWorker("greetings")
        abstract String greet(String name);
    }
}

package io.quarkiverse.conductor.worker.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkus.test.QuarkusUnitTest;

class BlankTaskNameTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Worker.class))
            .assertException(BuildFailure.hasMessage(
                    "Method BlankTaskNameTest$Worker#greet(String) has @ConductorWorker(\" \") with an empty task name:"
                            + " set it to the name of the task definition the method executes, e.g. @ConductorWorker(\"greet\")"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }

    static class Worker {
        @ConductorWorker(" ")
        String greet(String name) {
            return name;
        }
    }
}

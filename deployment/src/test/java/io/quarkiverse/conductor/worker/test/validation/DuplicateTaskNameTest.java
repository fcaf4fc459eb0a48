package io.quarkiverse.conductor.worker.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkus.test.QuarkusUnitTest;

class DuplicateTaskNameTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Worker.class, OtherWorker.class))
            .assertException(BuildFailure.hasMessage(
                    "Task 'greetings' has 2 @ConductorWorker methods: DuplicateTaskNameTest$OtherWorker#hello(String),"
                            + " DuplicateTaskNameTest$Worker#greet(String); an application has one worker per task type"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }

    static class Worker {
        @ConductorWorker("greetings")
        String greet(String name) {
            return name;
        }
    }

    static class OtherWorker {
        @ConductorWorker("greetings")
        String hello(String name) {
            return name;
        }
    }
}

package io.quarkiverse.conductor.worker.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkus.test.QuarkusUnitTest;

class TypeVariableParameterTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Worker.class))
            .assertException(BuildFailure.hasMessage(
                    "Parameter 'T item' of method TypeVariableParameterTest$Worker#store(T) has type T, which cannot be"
                            + " bound from the task input: a type variable has no concrete type"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }

    static class Worker {
        @ConductorWorker("store")
        <T> void store(T item) {
        }
    }
}

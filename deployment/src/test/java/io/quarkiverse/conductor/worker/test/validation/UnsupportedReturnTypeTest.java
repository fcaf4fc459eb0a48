package io.quarkiverse.conductor.worker.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Multi;

class UnsupportedReturnTypeTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Worker.class))
            .assertException(BuildFailure.hasMessage(
                    "Method UnsupportedReturnTypeTest$Worker#greet(String) returns Multi<String>, which a worker cannot return"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }

    static class Worker {
        @ConductorWorker("greetings")
        Multi<String> greet(String name) {
            return Multi.createFrom().item(name);
        }
    }
}

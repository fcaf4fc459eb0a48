package io.quarkiverse.conductor.worker.test.validation;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Uni;

class VirtualThreadReactiveMethodTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Worker.class))
            .assertException(BuildFailure.hasMessage(
                    "Method VirtualThreadReactiveMethodTest$Worker#greet(String) is annotated @RunOnVirtualThread but returns Uni<String>"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }

    static class Worker {
        @ConductorWorker("greetings")
        @RunOnVirtualThread
        Uni<String> greet(String name) {
            return Uni.createFrom().item(name);
        }
    }
}

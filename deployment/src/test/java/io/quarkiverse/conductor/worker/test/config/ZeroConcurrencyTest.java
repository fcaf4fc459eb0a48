package io.quarkiverse.conductor.worker.test.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class ZeroConcurrencyTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(WorkWorker.class))
            .overrideConfigKey("quarkus.conductor.worker.concurrency", "0")
            .assertException(ConfigFailure.mentions("quarkus.conductor.worker.concurrency is 0: it must be 1 or more"));

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}

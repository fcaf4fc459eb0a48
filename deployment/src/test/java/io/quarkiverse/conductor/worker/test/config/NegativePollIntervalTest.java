package io.quarkiverse.conductor.worker.test.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class NegativePollIntervalTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(WorkWorker.class))
            .overrideConfigKey("quarkus.conductor.workers.\"work\".poll-interval", "-1s")
            .assertException(ConfigFailure
                    .mentions("quarkus.conductor.workers.\"work\".poll-interval is PT-1S: it must not be negative"));

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}

package io.quarkiverse.conductor.worker.test.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class LongPollTimeoutTooLongTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(WorkWorker.class))
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "10s")
            .assertException(ConfigFailure.mentions(
                    "quarkus.conductor.worker.long-poll-timeout is PT10S, but Conductor servers hold a poll for at most 5 seconds"));

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}

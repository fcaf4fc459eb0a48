package io.quarkiverse.conductor.worker.test.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Back-off and timeout settings that cannot work fail the start-up, each named.
 */
class InvalidRetryAndTimeoutSettingsTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(WorkWorker.class))
            .overrideConfigKey("quarkus.conductor.retry.initial-backoff", "0s")
            .overrideConfigKey("quarkus.conductor.retry.max-backoff", "1s")
            .overrideConfigKey("quarkus.conductor.worker.execution-timeout", "0s")
            .overrideConfigKey("quarkus.conductor.read-timeout", "5s")
            .assertException(ConfigFailure.mentions("quarkus.conductor.retry.initial-backoff is PT0S: it must be 1ms or more",
                    "quarkus.conductor.worker.execution-timeout is PT0S: it must be 1ms or more",
                    "quarkus.conductor.read-timeout is PT5S, which would cut the long polls of idle workers short"));

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}

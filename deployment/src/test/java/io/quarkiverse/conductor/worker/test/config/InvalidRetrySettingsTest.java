package io.quarkiverse.conductor.worker.test.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Back-off settings that cannot work fail the start-up, each named.
 */
class InvalidRetrySettingsTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(WorkWorker.class))
            .overrideConfigKey("quarkus.conductor.retry.initial-backoff", "0s")
            .overrideConfigKey("quarkus.conductor.retry.max-backoff", "1s")
            .overrideConfigKey("quarkus.conductor.retry.update-attempts", "0")
            .assertException(ConfigFailure.mentions("quarkus.conductor.retry.initial-backoff is PT0S: it must be 1ms or more",
                    "quarkus.conductor.retry.update-attempts is 0: it must be 1 or more"));

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}

package io.quarkiverse.conductor.worker.test.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A longest back-off shorter than the first one fails the start-up, naming both properties.
 */
class RetryMaxBackoffBelowInitialTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(WorkWorker.class))
            .overrideConfigKey("quarkus.conductor.retry.initial-backoff", "2s")
            .overrideConfigKey("quarkus.conductor.retry.max-backoff", "1s")
            .assertException(ConfigFailure.mentions("quarkus.conductor.retry.max-backoff is PT1S, less than"
                    + " quarkus.conductor.retry.initial-backoff (PT2S): the longest wait cannot be shorter than the first"
                    + " one"));

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}

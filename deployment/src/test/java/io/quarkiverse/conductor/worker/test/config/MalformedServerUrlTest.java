package io.quarkiverse.conductor.worker.test.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class MalformedServerUrlTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(WorkWorker.class))
            .overrideConfigKey("quarkus.conductor.server-url", "localhost:8080/api")
            .assertException(
                    ConfigFailure.mentions("The Conductor server URL", "set by quarkus.conductor.server-url is not valid"));

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}

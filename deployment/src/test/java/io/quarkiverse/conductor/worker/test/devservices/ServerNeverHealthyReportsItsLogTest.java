package io.quarkiverse.conductor.worker.test.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A Conductor server of Dev Services that is not healthy within the start-up timeout is stopped, and the start fails
 * naming the timeout property and the server's log.
 */
class ServerNeverHealthyReportsItsLogTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(StartFailsGreeter.class))
            // far less than the server needs to start
            .overrideConfigKey("quarkus.conductor.devservices.startup-timeout", "1s")
            .assertException(failure -> assertThat(DevServicesFailures.messages(failure))
                    .contains("The Conductor server did not report healthy within PT1S"
                            + " (quarkus.conductor.devservices.startup-timeout); its log is ")
                    .contains("conductor-dev-services/conductor-server.log"));

    @Test
    void startFails() {
        fail("the application must not start");
    }
}

package io.quarkiverse.conductor.worker.test.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A Conductor server of Dev Services that dies while starting fails the start with where its log is and how it ends.
 */
class ServerCrashReportsItsLogTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(StartFailsGreeter.class))
            // a heap no JVM can start with: the server process exits at once
            .overrideConfigKey("quarkus.conductor.devservices.java-options", "-Xmx1m")
            .assertException(failure -> assertThat(DevServicesFailures.messages(failure))
                    .contains("The Conductor server exited with status 1 while starting; its log is ")
                    .contains("conductor-dev-services/conductor-server.log, ending with:")
                    .contains("Too small maximum heap"));

    @Test
    void startFails() {
        fail("the application must not start");
    }
}

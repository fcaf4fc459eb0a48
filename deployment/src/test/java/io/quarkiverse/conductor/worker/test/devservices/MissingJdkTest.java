package io.quarkiverse.conductor.worker.test.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Dev Services need a JDK 21+ to run the Conductor server; without one the start fails and says what to do.
 */
class MissingJdkTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(StartFailsGreeter.class))
            .overrideConfigKey("quarkus.conductor.devservices.java-home", "/no/such/jdk")
            .assertException(failure -> assertThat(DevServicesFailures.messages(failure)).contains(
                    "quarkus.conductor.devservices.java-home is /no/such/jdk, which is not a JDK (no bin/java and"
                            + " release file); the Conductor server needs Java 21 or newer"));

    @Test
    void startFails() {
        fail("the application must not start");
    }
}

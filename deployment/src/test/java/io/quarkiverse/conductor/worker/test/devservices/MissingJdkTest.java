package io.quarkiverse.conductor.worker.test.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Dev Services need a JDK 21+ to run the Conductor server; without one the start fails and says what to do.
 */
class MissingJdkTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class))
            .overrideConfigKey("quarkus.conductor.devservices.java-home", "/no/such/jdk")
            .assertException(failure -> {
                StringBuilder messages = new StringBuilder();
                for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                    messages.append(t.getMessage()).append('\n');
                }
                assertThat(messages.toString()).contains("quarkus.conductor.devservices.java-home is /no/such/jdk, which"
                        + " is not a JDK (no bin/java and release file); the Conductor server needs Java 21 or newer");
            });

    @Test
    void startFails() {
        fail("the application must not start");
    }

    static class Greeter {
        @ConductorWorker("greetings")
        String greetings(String name) {
            return "Hello, " + name;
        }
    }
}

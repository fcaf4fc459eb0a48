package io.quarkiverse.conductor.worker.test.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A configured server URL means no Dev Services: the application starts (the unusable JDK configured for Dev Services
 * would have failed it) and keeps the URL it was given.
 */
class ServerUrlDisablesDevServicesTest {

    private static final String SERVER = "http://127.0.0.1:1/api";

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class))
            .overrideConfigKey("quarkus.conductor.server-url", SERVER)
            .overrideConfigKey("quarkus.conductor.devservices.java-home", "/no/such/jdk")
            .overrideConfigKey("quarkus.conductor.worker.enabled", "false");

    @Test
    void applicationUsesTheConfiguredServer() {
        assertThat(ConfigProvider.getConfig().getValue("quarkus.conductor.server-url", String.class)).isEqualTo(SERVER);
    }

    static class Greeter {
        @ConductorWorker("greetings")
        String greetings(String name) {
            return "Hello, " + name;
        }
    }
}

package io.quarkiverse.conductor.worker.test.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A key id without its secret fails the start, saying which half is missing, and without showing any value.
 */
class HalfAccessKeyTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Worker.class))
            .overrideConfigKey("quarkus.conductor.server-url", "http://127.0.0.1:1/api")
            .overrideConfigKey("quarkus.conductor.auth.key-id", "app-key")
            .assertException(failure -> {
                StringBuilder messages = new StringBuilder();
                for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                    messages.append(t.getMessage()).append('\n');
                }
                assertThat(messages.toString()).contains("An application access key needs both an id and a secret: set"
                        + " quarkus.conductor.auth.key-id and quarkus.conductor.auth.key-secret (or CONDUCTOR_AUTH_KEY"
                        + " and CONDUCTOR_AUTH_SECRET); only the id is set");
            });

    @Test
    void startupFails() {
        fail("the application must not start");
    }

    static class Worker {
        @ConductorWorker("work")
        void work() {
        }
    }
}

package io.quarkiverse.conductor.worker.test.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A pool that the workers' long polls would fill fails the start, with the property, the polls that need it, the
 * smallest size that works and the computed default; a keep-alive timeout under a second too.
 */
class ConnectionPoolTooSmallTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class))
            .overrideConfigKey("quarkus.conductor.server-url", "http://127.0.0.1:1/api")
            .overrideConfigKey("quarkus.conductor.connection-pool-size", "5")
            .overrideConfigKey("quarkus.conductor.keep-alive-timeout", "500ms")
            .assertException(failure -> {
                StringBuilder messages = new StringBuilder();
                for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                    messages.append(t.getMessage()).append('\n');
                }
                assertThat(messages.toString()).contains("Invalid Conductor connection configuration:",
                        "quarkus.conductor.connection-pool-size is 5, too small for the long polls the workers keep"
                                + " open: up to 8 at once (orders: 4, payments: 4), each holding its connection for up"
                                + " to 5 seconds, so that results would wait behind them. Set it to at least 9, or"
                                + " leave it unset to have it computed (here 66)",
                        "quarkus.conductor.keep-alive-timeout is PT0.5S: it must be at least 1s");
            });

    @Test
    void startupFails() {
        fail("the application must not start");
    }

    static class Workers {
        @ConductorWorker("orders")
        void orders() {
        }

        @ConductorWorker("payments")
        void payments() {
        }
    }
}

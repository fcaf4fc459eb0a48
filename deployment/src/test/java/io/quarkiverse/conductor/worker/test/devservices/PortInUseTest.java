package io.quarkiverse.conductor.worker.test.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A fixed Dev Services port that something else listens on fails the start at once, saying so: a server started there
 * could not listen, and its health check would have found the other one.
 */
class PortInUseTest {

    private static final ServerSocket OCCUPIED = occupy();

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(StartFailsGreeter.class))
            .overrideConfigKey("quarkus.conductor.devservices.port", Integer.toString(OCCUPIED.getLocalPort()))
            .assertException(failure -> assertThat(DevServicesFailures.messages(failure)).contains("Port "
                    + OCCUPIED.getLocalPort() + " (quarkus.conductor.devservices.port) is in use already: another"
                    + " Conductor server, or another application, listens on it"));

    @Test
    void startFails() {
        fail("the application must not start");
    }

    @AfterAll
    static void release() throws IOException {
        OCCUPIED.close();
    }

    private static ServerSocket occupy() {
        try {
            return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.quarkiverse.conductor.worker.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.conductor.worker.runtime.client.ServerUrl;
import io.quarkiverse.conductor.worker.runtime.config.DevServicesConfig;

/**
 * The Conductor server that Dev Services started for the tests, to see how an application takes its faults: kill it
 * as a crash would, and wait for Dev Services to bring it back on the same port with the same database.
 *
 * <pre>
 * DevServicesConductorServer server = DevServicesConductorServer.current();
 * long killed = server.pid();
 * server.kill();
 * server.awaitRestarted(killed, Duration.ofMinutes(2));
 * </pre>
 */
public final class DevServicesConductorServer {

    private final Path pidFile;
    private final URI health;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private DevServicesConductorServer(Path pidFile, URI health) {
        this.pidFile = pidFile;
        this.health = health;
    }

    /**
     * The server of the running test application.
     *
     * @throws IllegalStateException if Dev Services did not start one (a server URL is configured, or Dev Services are
     *         off)
     */
    public static DevServicesConductorServer current() {
        Config config = ConfigProvider.getConfig();
        String pidFile = config.getOptionalValue(DevServicesConfig.PID_FILE_PROPERTY, String.class)
                .orElseThrow(() -> new IllegalStateException("No Conductor server of Dev Services runs for this"
                        + " application: it has " + ServerUrl.PROPERTY + " or CONDUCTOR_SERVER_URL set, or Dev Services"
                        + " are off"));
        String api = config.getValue(ServerUrl.PROPERTY, String.class);
        return new DevServicesConductorServer(Path.of(pidFile), URI.create(api.replaceFirst("/api/?$", "") + "/health"));
    }

    /** The process id of the server running now. */
    public long pid() {
        try {
            return Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the server's process id from " + pidFile, e);
        }
    }

    /** Kills the server at once, as a crash would (SIGKILL): no shutdown, no flush of what it had not written yet. */
    public void kill() {
        long pid = pid();
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("No process " + pid + " runs: the server is down already"));
        process.destroyForcibly();
        process.onExit().join();
    }

    /**
     * Waits until Dev Services have started the server again after {@link #kill()} and it answers.
     *
     * @param killed the process id of the server that was killed
     * @throws IllegalStateException if it is not back within {@code timeout}
     */
    public void awaitRestarted(long killed, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (pid() != killed && answers()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the Conductor server", e);
            }
        }
        throw new IllegalStateException("The Conductor server of Dev Services did not come back within " + timeout);
    }

    private boolean answers() {
        try {
            return http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

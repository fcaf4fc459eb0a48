package io.quarkiverse.conductor.worker.deployment.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.quarkus.deployment.builditem.Startable;

/**
 * A Conductor OSS server run as a child JVM: the boot jar, on a loopback port, with a fresh SQLite database and its
 * output in a log file. Dev Services start it; the benchmarks use it directly.
 * <p>
 * Once it has started, it is supervised: a server that exits without being asked to (a crash, or a test that kills it
 * to see how the workers take it) is started again on the same port with the same database, a few times at most. Its
 * process id is kept in {@link #pidFile()}, which Dev Services publish so that a test can find it.
 */
public final class ConductorServer implements Startable {

    private static final Logger LOG = Logger.getLogger(ConductorServer.class);
    private static final int LOG_LINES_IN_ERRORS = 30;
    /** A server that crashes more often than this is left down: restarting it again would hide the problem. */
    private static final int MAX_RESTARTS = 5;
    private static final Duration RESTART_WINDOW = Duration.ofMinutes(10);

    private final Path jar;
    private final Path javaHome;
    private final List<String> javaOptions;
    private final int requestedPort;
    private final Map<String, String> properties;
    private final Path workDirectory;
    private final Duration startupTimeout;

    private volatile Process process;
    private volatile int port;
    private volatile boolean closing;
    private final java.util.Deque<Long> restarts = new java.util.ArrayDeque<>();
    private List<String> command;
    private Thread shutdownHook;

    /**
     * @param port the port to listen on, 0 for a free one
     * @param workDirectory where the database and the log go; emptied of both at start
     */
    public ConductorServer(Path jar, Path javaHome, List<String> javaOptions, int port, Map<String, String> properties,
            Path workDirectory, Duration startupTimeout) {
        this.jar = jar;
        this.javaHome = javaHome;
        this.javaOptions = javaOptions;
        this.requestedPort = port;
        this.properties = properties;
        this.workDirectory = workDirectory;
        this.startupTimeout = startupTimeout;
    }

    /**
     * Starts the server and waits until it reports healthy.
     *
     * @throws IllegalStateException if it exits or stays unhealthy, with the end of its log and the log's path
     */
    @Override
    public void start() {
        try {
            Files.createDirectories(workDirectory);
            Path database = workDirectory.resolve("conductor.db");
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(database + suffix));
            }
            if (requestedPort > 0 && !isFree(requestedPort)) {
                // a server started anyway would fail, and the health check would find whatever listens there
                throw new IllegalStateException("Port " + requestedPort + " (quarkus.conductor.devservices.port) is in"
                        + " use already: another Conductor server, or another application, listens on it. Stop it,"
                        + " choose another port, or leave the property out for a free one; to use a server that is"
                        + " running, set quarkus.conductor.server-url to its API instead");
            }
            port = requestedPort > 0 ? requestedPort : freePort();
            command = new ArrayList<>();
            command.add(javaHome.resolve("bin/java").toString());
            command.addAll(javaOptions);
            command.add("-jar");
            command.add(jar.toString());
            command.add("--server.address=127.0.0.1");
            command.add("--server.port=" + port);
            // IMMEDIATE: a transaction takes the write lock when it begins, and waits for it up to the busy timeout. With
            // the driver's default (DEFERRED), a transaction that read and then writes after another one committed gets
            // SQLITE_BUSY at once, without waiting, and the server fails the workflow it was deciding.
            command.add("--spring.datasource.url=jdbc:sqlite:" + database
                    + "?busy_timeout=15000&journal_mode=WAL&transaction_mode=IMMEDIATE");
            // the AI integrations only log errors without API keys
            command.add("--conductor.integrations.ai.enabled=false");
            properties.forEach((name, value) -> command.add("--" + name + "=" + value));
            launch(ProcessBuilder.Redirect.to(logFile().toFile()));
            // closing first: the supervisor must not take the exit for a crash and start it again as the JVM ends
            shutdownHook = new Thread(() -> {
                closing = true;
                stopProcess();
            }, "conductor-server-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            awaitHealthy();
            supervise(process);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Could not start the Conductor server (log: " + logFile() + ")", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void launch(ProcessBuilder.Redirect log) throws IOException {
        process = new ProcessBuilder(command)
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        Files.writeString(pidFile(), Long.toString(process.pid()));
    }

    /** When {@code started} exits and nobody asked it to, starts the server again, on the same port and database. */
    private void supervise(Process started) {
        started.onExit().thenRun(() -> {
            if (closing || started != process) {
                return;
            }
            Thread restart = new Thread(() -> restart(started), "conductor-server-restart");
            restart.setDaemon(true);
            restart.start();
        });
    }

    private synchronized void restart(Process exited) {
        if (closing) {
            return;
        }
        long now = System.nanoTime();
        while (!restarts.isEmpty() && now - restarts.peekFirst() > RESTART_WINDOW.toNanos()) {
            restarts.removeFirst();
        }
        if (restarts.size() >= MAX_RESTARTS) {
            LOG.errorf("The Conductor server of Dev Services exited again (status %d), its %d-th time in %s; it is not"
                    + " restarted any more. Its log is %s", exited.exitValue(), MAX_RESTARTS + 1, RESTART_WINDOW,
                    logFile());
            return;
        }
        restarts.addLast(now);
        LOG.warnf("The Conductor server of Dev Services (pid %d) exited with status %d; restarting it on port %d with the"
                + " same database (log: %s)", exited.pid(), exited.exitValue(), port, logFile());
        try {
            launch(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
            if (closing) {
                stopProcess();
                return;
            }
            awaitHealthy();
            LOG.infof("The Conductor server of Dev Services is back on port %d (pid %d)", port, process.pid());
            supervise(process);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "The Conductor server of Dev Services could not be restarted; its log is %s", logFile());
        }
    }

    private void awaitHealthy() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Conductor server exited with status " + process.exitValue()
                        + " while starting; its log is " + logFile() + ", ending with:\n" + logTail());
            }
            try {
                HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"healthy\":true")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the Conductor server", e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the Conductor server", e);
            }
        }
        throw new IllegalStateException("The Conductor server did not report healthy within " + startupTimeout
                + " (quarkus.conductor.devservices.startup-timeout); its log is " + logFile() + ", ending with:\n"
                + logTail());
    }

    /** Whether the server of {@code apiUrl} answers its health check now. */
    public static boolean isHealthy(String apiUrl) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(apiUrl.replaceFirst("/api$", "") + "/health"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"healthy\":true");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The base URL of the server's API. */
    public String apiUrl() {
        return "http://127.0.0.1:" + port + "/api";
    }

    /** The Conductor UI, which the boot jar serves at its root. */
    public String uiUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return workDirectory.resolve("conductor-server.log");
    }

    /** The file that holds the process id of the server running now, which changes when it is restarted. */
    public Path pidFile() {
        return workDirectory.resolve("conductor-server.pid");
    }

    /** The server process, to measure it. */
    public Process process() {
        return process;
    }

    @Override
    public String getConnectionInfo() {
        return apiUrl();
    }

    @Override
    public String getContainerId() {
        // not a container: a child process of the build
        return null;
    }

    @Override
    public void close() {
        closing = true;
        stopProcess();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down and runs the hook itself
            }
            shutdownHook = null;
        }
    }

    private void stopProcess() {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(15, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LOG.debugf("Conductor server on port %d stopped", port);
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_ERRORS), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}

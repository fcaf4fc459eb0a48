package io.quarkiverse.conductor.worker.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A worker process under test. All of them run on the same JVM ({@link Artifacts#java()}) with no JVM options: what a
 * user gets who runs the program as it comes.
 */
enum Contender {

    /** This extension's worker application, with the extension's defaults (no property set but the server URL). */
    OURS("this extension", "quarkus-conductor-worker, default settings"),
    /**
     * The same application with {@code quarkus-micrometer-registry-prometheus}: every metric of the workers recorded.
     * Against {@link #OURS}, what metrics cost; only in the backlog and against the stub.
     */
    OURS_METRICS("this extension, metrics on", "quarkus-conductor-worker, default settings, with Micrometer (Prometheus)"),
    /**
     * The official Java SDK as its README's quickstart runs a worker: {@code withThreadCount(10)}, everything else
     * default (the worker's polling interval 1 s, slept after an empty poll or while all threads are busy; 100 ms long
     * polls; the plain update).
     */
    SDK_DEFAULT("SDK quickstart", "conductor-client 6.0.0, withThreadCount(10), other settings default"),
    /** The SDK with the one knob that matters turned: a 10 ms polling interval; 10 threads. */
    SDK_TUNED("SDK tuned", "conductor-client 6.0.0, 10 threads, 10 ms polling interval"),
    /** {@link IdealWorker}: the floor. */
    IDEAL("ideal client", "JDK HttpClient, 4 pollers x 20 tasks, 1 s long polls, async updates, hand-written JSON"),
    /**
     * The SDK with 50 threads and the tuned 10 ms polling interval: only against the in-memory stub, where it shows the
     * most the SDK does when the server is not the limit (with the default 1 s interval it would show the interval).
     */
    SDK_50("SDK, 50 threads", "conductor-client 6.0.0, 50 threads, 10 ms polling interval");

    /** The contenders of the runs against the real server, in the table's order. */
    static final List<Contender> MAIN = List.of(OURS, SDK_DEFAULT, SDK_TUNED, IDEAL);

    /** The contenders of the backlog: {@link #MAIN}, and this extension with metrics. */
    static final List<Contender> BACKLOG = List.of(OURS, OURS_METRICS, SDK_DEFAULT, SDK_TUNED, IDEAL);

    final String label;
    final String description;

    Contender(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** Starts the {@code bench_task} worker against {@code apiUrl}, its output in {@code log}. */
    Process launch(Artifacts artifacts, String apiUrl, Path log, List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(artifacts.java().toString());
        command.addAll(jvmOptions);
        switch (this) {
            case OURS -> command.addAll(List.of("-jar", artifacts.app().toString()));
            case OURS_METRICS -> command.addAll(List.of("-jar", artifacts.metricsApp().toString()));
            case SDK_DEFAULT -> command.addAll(List.of("-jar", artifacts.sdkJar().toString(), apiUrl, "10", "default"));
            case SDK_TUNED -> command.addAll(List.of("-jar", artifacts.sdkJar().toString(), apiUrl, "10", "10"));
            case SDK_50 -> command.addAll(List.of("-jar", artifacts.sdkJar().toString(), apiUrl, "50", "10"));
            case IDEAL -> command.addAll(List.of("-cp", artifacts.harnessClasspath(), IdealWorker.class.getName(), apiUrl));
        }
        return start(command, apiUrl, log);
    }

    /**
     * Starts {@code workers} workers of task types nobody schedules ({@code idle_000}...): this extension's idle
     * application (100 workers), or the SDK quickstart's setup with that many workers.
     */
    Process launchIdle(Artifacts artifacts, String apiUrl, Path log, int workers) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(artifacts.java().toString());
        switch (this) {
            case OURS -> command.addAll(List.of("-jar", artifacts.idleApp().toString()));
            case SDK_DEFAULT -> command.addAll(List.of("-jar", artifacts.sdkJar().toString(), apiUrl, "10", "default",
                    Integer.toString(workers), "idle_"));
            default -> throw new IllegalArgumentException("no idle workers for " + this);
        }
        return start(command, apiUrl, log);
    }

    /** Starts a command; our application reads the server URL from the environment, like in production. */
    static Process start(List<String> command, String apiUrl, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("CONDUCTOR_SERVER_URL", apiUrl);
        return builder.start();
    }
}

package io.quarkiverse.conductor.worker.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker process under test: this library (the worker application) or the baseline poller, launched with the same
 * JVM and the same JVM options, with {@code concurrency} tasks in flight.
 */
enum Contender {

    OURS("quarkus-conductor-worker"),
    BASELINE("JDK HttpClient baseline");

    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=4");
    static final int CONCURRENCY = 8;

    final String label;

    Contender(String label) {
        this.label = label;
    }

    /**
     * @param extraProperties system properties for our application ({@code name=value}); ignored by the baseline
     */
    Process launch(Path app, String apiUrl, Path log, List<String> extraProperties) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        if (this == OURS) {
            command.add("-Dquarkus.conductor.server-url=" + apiUrl);
            command.add("-Dquarkus.conductor.worker.concurrency=" + CONCURRENCY);
            extraProperties.forEach(property -> command.add("-D" + property));
            command.add("-jar");
            command.add(app.toString());
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(BaselineWorker.class.getName());
            command.add(apiUrl);
            command.add(ConductorApi.TASK);
            command.add(Integer.toString(CONCURRENCY));
            // one task per poll: the server holds a batch poll until the whole batch is there
            command.add("1");
            command.add("1000");
        }
        File logFile = log.toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile).start();
    }
}

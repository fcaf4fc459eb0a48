package io.quarkiverse.conductor.worker.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The machine the benchmarks ran on, and the JVM the workers ran on.
 */
record Machine(String cpu, int cores, long memoryMb, String os, String workerJvm) {

    static Machine describe(Path javaHome) throws IOException {
        String cpu = "unknown";
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                cpu = line.substring(line.indexOf(':') + 1).trim();
                break;
            }
        }
        long memoryKb = 0;
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                memoryKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return new Machine(cpu, Runtime.getRuntime().availableProcessors(), memoryKb / 1024,
                System.getProperty("os.name") + " " + System.getProperty("os.version"), jdk(javaHome));
    }

    /** "Eclipse Adoptium 25.0.1", from the JDK's {@code release} file. */
    static String jdk(Path javaHome) throws IOException {
        Properties release = new Properties();
        try (InputStream in = Files.newInputStream(javaHome.resolve("release"))) {
            release.load(in);
        }
        return (release.getProperty("IMPLEMENTOR", "") + " " + release.getProperty("JAVA_RUNTIME_VERSION",
                release.getProperty("JAVA_VERSION", "?"))).replace("\"", "").trim();
    }

    /** The major version of the JDK at {@code javaHome}. */
    static int majorVersion(Path javaHome) throws IOException {
        Properties release = new Properties();
        try (InputStream in = Files.newInputStream(javaHome.resolve("release"))) {
            release.load(in);
        }
        String version = release.getProperty("JAVA_VERSION", "0").replace("\"", "");
        return Integer.parseInt(version.split("[.+-]")[0]);
    }

    @Override
    public String toString() {
        return cores + " cores (" + cpu + "), " + memoryMb / 1024 + " GB, " + os + ", workers on " + workerJvm
                + " with no JVM options";
    }
}

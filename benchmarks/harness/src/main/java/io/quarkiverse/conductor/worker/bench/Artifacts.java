package io.quarkiverse.conductor.worker.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the contenders run: the JVM, the applications and jars built by the other benchmark modules, and the harness's
 * classes (for {@link IdealWorker}, which needs nothing else).
 *
 * @param aotApp the worker application packaged as {@code aot-jar}, whose classes a JDK AOT cache can hold
 * @param metricsApp the worker application with Micrometer and its Prometheus registry
 */
record Artifacts(Path java, Path app, Path aotApp, Path metricsApp, Path idleApp, Path sdkJar,
        String harnessClasspath) {

    /** @throws IllegalStateException naming the missing file and the module that builds it */
    Artifacts {
        for (Path file : new Path[] { java, app, aotApp, metricsApp, idleApp, sdkJar }) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " does not exist: build the benchmarks from the repository root"
                        + " (./mvnw -Pbenchmarks verify -DskipTests), or pass -Dbenchmark.jdk=<a JDK 25 home>");
            }
        }
    }
}

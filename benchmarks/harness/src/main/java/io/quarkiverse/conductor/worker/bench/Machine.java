package io.quarkiverse.conductor.worker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine the benchmarks ran on.
 */
record Machine(String cpu, int cores, long memoryMb, String os, String workerJvm) {

    static Machine describe() throws IOException {
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
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }

    @Override
    public String toString() {
        return cores + " cores (" + cpu + "), " + memoryMb / 1024 + " GB, " + os + ", workers on " + workerJvm;
    }
}

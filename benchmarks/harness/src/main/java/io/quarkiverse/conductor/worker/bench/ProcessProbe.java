package io.quarkiverse.conductor.worker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads a process's CPU time, memory and threads from {@code /proc}, and samples its CPU time every 50 ms so that the
 * CPU spent between two instants known only afterwards (first poll, last completion) can be computed.
 */
final class ProcessProbe implements AutoCloseable {

    /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every Linux this runs on (checked at start). */
    static final long TICKS_PER_SECOND = 100;

    private record Sample(long epochMillis, long cpuMillis) {
    }

    private static final long MACHINE = -1;

    private final long pid;
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cpu-sampler");
        thread.setDaemon(true);
        return thread;
    });

    ProcessProbe(long pid) {
        this.pid = pid;
        sampler.scheduleAtFixedRate(this::sample, 0, 50, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try {
            long cpu = cpuMillis();
            synchronized (samples) {
                samples.add(new Sample(System.currentTimeMillis(), cpu));
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone
        }
    }

    /** A probe of the whole machine: its CPU time is that of every process, and of the kernel. */
    static ProcessProbe machine() {
        return new ProcessProbe(MACHINE);
    }

    /** User and system CPU time the process used so far. */
    long cpuMillis() throws IOException {
        if (pid == MACHINE) {
            // cpu  user nice system idle iowait irq softirq steal ...: all but idle and iowait
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long ticks = 0;
            for (int i = 1; i <= 8; i++) {
                ticks += i == 4 || i == 5 ? 0 : Long.parseLong(fields[i]);
            }
            return ticks * 1000 / TICKS_PER_SECOND;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // the command name may hold spaces: the fields we want follow its closing parenthesis
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** CPU milliseconds used between two instants, interpolated between samples. */
    long cpuMillisBetween(long fromEpochMillis, long toEpochMillis) {
        return cpuAt(toEpochMillis) - cpuAt(fromEpochMillis);
    }

    private long cpuAt(long epochMillis) {
        synchronized (samples) {
            Sample before = samples.get(0);
            for (Sample sample : samples) {
                if (sample.epochMillis() >= epochMillis) {
                    if (sample.epochMillis() == before.epochMillis()) {
                        return sample.cpuMillis();
                    }
                    double share = (double) (epochMillis - before.epochMillis())
                            / (sample.epochMillis() - before.epochMillis());
                    return before.cpuMillis() + Math.round(share * (sample.cpuMillis() - before.cpuMillis()));
                }
                before = sample;
            }
            return before.cpuMillis();
        }
    }

    /** Peak resident set size in MB ({@code VmHWM}). */
    double peakRssMb() throws IOException {
        return statusField("VmHWM") / 1024.0;
    }

    /** Threads of the process, platform threads all: a virtual thread is no kernel thread. */
    long threads() throws IOException {
        return statusField("Threads");
    }

    private long statusField(String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(line.substring(name.length() + 1).trim().split("\\s+")[0]);
            }
        }
        throw new IOException(name + " not in /proc/" + pid + "/status");
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}

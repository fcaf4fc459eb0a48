package io.quarkiverse.conductor.worker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.conductor.worker.deployment.devservices.ConductorServer;
import io.quarkiverse.conductor.worker.deployment.devservices.JavaHomes;
import io.quarkiverse.conductor.worker.deployment.devservices.ServerJar;
import io.quarkiverse.conductor.worker.runtime.InvocationPathBenchmark;

/**
 * Runs every benchmark of the README against one Conductor server (started like Dev Services start it) and writes the
 * results as Markdown, JSON and an AsciiDoc table for the guide.
 */
public final class BenchmarkRunner {

    private static final String SERVER_VERSION = "3.32.3";
    /** Idle CPU is read over 20 s: /proc counts in 10 ms ticks, so that resolves 0.5 ms/s. */
    private static final long IDLE_WINDOW_MS = 20_000;
    private static final long TRICKLE_IDLE_SETTLE_MS = 20_000;

    private final Map<String, String> options;
    private final Path work;
    private final Path app;
    private final Report report = new Report();
    private ConductorApi api;
    private String apiUrl;
    private int nextInput;

    private BenchmarkRunner(Map<String, String> options) {
        this.options = options;
        this.work = Path.of(options.get("work"));
        this.app = Path.of(options.get("app"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        new BenchmarkRunner(options).run();
        System.exit(0);
    }

    private int intOption(String name, int fallback) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        checkClockTicks();
        report.machine = Machine.describe();
        if (selected("backlog") || selected("trickle") || selected("idle")) {
            againstTheServer();
        }
        if (selected("client-only")) {
            for (Contender contender : Contender.values()) {
                report.clientOnly.put(contender, log(clientOnly(contender, intOption("stub-tasks", 50_000))));
            }
        }
        if (selected("jmh")) {
            report.invocationNanos = invocationPath();
        }
        if (options.containsKey("only")) {
            log("partial run (--only): no report written");
            return;
        }
        report.write(Path.of(options.get("out")), Path.of(options.get("docs")));
    }

    private void againstTheServer() throws Exception {
        ConductorServer server = new ConductorServer(ServerJar.resolve(SERVER_VERSION),
                JavaHomes.find(Optional.empty(), "JAVA_HOME"), List.of("-Xmx512m"), 0, Map.of(), work.resolve("server"),
                Duration.ofMinutes(3));
        log("starting the Conductor server " + SERVER_VERSION);
        server.start();
        try {
            apiUrl = server.apiUrl();
            api = new ConductorApi(apiUrl);
            api.defineBenchmarkWorkflow();
            int workflows = intOption("workflows", 2000);
            log("warming up the server with the baseline");
            backlog(Contender.BASELINE, Math.min(500, workflows));
            if (selected("backlog")) {
                // rounds in alternating order, so that neither contender always gets the server as the other left it
                int rounds = Math.max(1, intOption("backlog-rounds", 3));
                for (int round = 0; round < rounds; round++) {
                    List<Contender> order = round % 2 == 0 ? List.of(Contender.OURS, Contender.BASELINE)
                            : List.of(Contender.BASELINE, Contender.OURS);
                    for (Contender contender : order) {
                        report.backlogRounds.computeIfAbsent(contender, key -> new ArrayList<>())
                                .add(log(backlog(contender, workflows)));
                    }
                }
                report.backlogRounds.forEach((contender, runs) -> report.backlog.put(contender,
                        Report.Backlog.median(runs)));
            }
            if (selected("trickle")) {
                for (Contender contender : Contender.values()) {
                    report.trickle.put(contender, log(trickle(contender, intOption("trickle-rate", 10),
                            intOption("trickle-seconds", 30))));
                }
            }
            if (selected("idle")) {
                report.idleWorkers = log(idleWorkers());
            }
        } finally {
            server.close();
        }
    }

    /** N workflows queued first, then the worker starts and drains them. */
    private Report.Backlog backlog(Contender contender, int workflows) throws Exception {
        log(contender.label + ": backlog of " + workflows + " workflows");
        List<String> started = api.start(workflows, take(workflows));
        // the workflows whose task the server managed to queue: a start it failed to schedule is not the worker's
        awaitCondition(() -> api.queueSize() == api.runningWorkflows(), Duration.ofMinutes(5), "the queue to fill");
        java.util.Set<String> queued = api.running();
        List<String> ids = started.stream().filter(queued::contains).toList();
        if (ids.size() < workflows) {
            log("the server failed to schedule " + (workflows - ids.size()) + " of the " + workflows + " workflows");
        }
        long launched = System.currentTimeMillis();
        Process process = contender.launch(app, apiUrl, work.resolve(contender.name() + "-backlog.log"), List.of());
        try (ProcessProbe probe = new ProcessProbe(process.pid())) {
            awaitCondition(() -> api.runningWorkflows() == 0, Duration.ofMinutes(10), "the backlog to drain");
            double rss = probe.peakRssMb();
            stop(process);
            List<JsonNode> tasks = tasks(ids);
            long firstPoll = tasks.stream().mapToLong(task -> task.path("startTime").asLong()).min().orElseThrow();
            long lastCompletion = tasks.stream().mapToLong(task -> task.path("endTime").asLong()).max().orElseThrow();
            long cpu = probe.cpuMillisBetween(firstPoll, lastCompletion);
            return new Report.Backlog(tasks.size(), tasks.size() * 1000.0 / (lastCompletion - firstPoll),
                    cpu / (double) tasks.size(), firstPoll - launched, rss);
        } finally {
            stop(process);
        }
    }

    /** The worker idles, then workflows arrive at a fixed rate whatever happens (open loop). */
    private Report.Trickle trickle(Contender contender, int perSecond, int seconds) throws Exception {
        log(contender.label + ": trickle of " + perSecond + " workflows/s for " + seconds + " s");
        Process process = contender.launch(app, apiUrl, work.resolve(contender.name() + "-trickle.log"), List.of());
        try (ProcessProbe probe = new ProcessProbe(process.pid())) {
            // started and polling well before this (both start in under 2 s here), JIT compilation mostly done
            Thread.sleep(TRICKLE_IDLE_SETTLE_MS);
            long idleFrom = System.currentTimeMillis();
            Thread.sleep(IDLE_WINDOW_MS);
            double idleCpu = probe.cpuMillisBetween(idleFrom, System.currentTimeMillis()) * 1000.0 / IDLE_WINDOW_MS;
            long threads = probe.threads();
            List<CompletableFuture<String>> started = new ArrayList<>();
            ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
            int total = perSecond * seconds;
            int first = take(total);
            for (int i = 0; i < total; i++) {
                int input = first + i;
                CompletableFuture<String> id = new CompletableFuture<>();
                started.add(id);
                clock.schedule(() -> api.startAsync(input).whenComplete((value, failure) -> {
                    if (failure == null) {
                        id.complete(value);
                    } else {
                        id.completeExceptionally(failure);
                    }
                }), i * 1_000_000L / perSecond, TimeUnit.MICROSECONDS);
            }
            List<String> ids = new ArrayList<>();
            for (CompletableFuture<String> id : started) {
                ids.add(id.get(seconds + 60, TimeUnit.SECONDS));
            }
            clock.shutdown();
            awaitCondition(() -> api.runningWorkflows() == 0, Duration.ofMinutes(5), "the trickle to complete");
            stop(process);
            List<Long> waits = new ArrayList<>();
            for (JsonNode task : tasks(ids)) {
                waits.add(task.path("startTime").asLong() - task.path("scheduledTime").asLong());
            }
            return new Report.Trickle(perSecond, seconds, Report.Percentiles.of(waits), idleCpu, threads);
        } finally {
            stop(process);
        }
    }

    /**
     * 100 workers of task types nobody schedules: what idling costs, in the first minutes (while the JIT still compiles
     * the poll path, which runs only a few times a second) and after five minutes.
     */
    private Report.IdleWorkers idleWorkers() throws Exception {
        log("ours: 100 idle workers, measured 1 and 5 minutes after start");
        long started = System.currentTimeMillis();
        Process process = Contender.OURS.launch(Path.of(options.get("idle-app")), apiUrl, work.resolve("OURS-idle.log"),
                List.of());
        try (ProcessProbe probe = new ProcessProbe(process.pid())) {
            double early = idleCpu(probe, started + 60_000);
            long threads = probe.threads();
            double late = idleCpu(probe, started + 300_000);
            return new Report.IdleWorkers(100, threads, early, late, probe.peakRssMb());
        } finally {
            stop(process);
        }
    }

    /** CPU ms/s over {@link #IDLE_WINDOW_MS} from {@code from}. */
    private static double idleCpu(ProcessProbe probe, long from) throws InterruptedException {
        Thread.sleep(Math.max(0, from - System.currentTimeMillis()));
        Thread.sleep(IDLE_WINDOW_MS);
        return probe.cpuMillisBetween(from, from + IDLE_WINDOW_MS) * 1000.0 / IDLE_WINDOW_MS;
    }

    /** The worker against a stub that answers at once: the library's own cost. */
    private Report.ClientOnly clientOnly(Contender contender, int tasks) throws Exception {
        int warmup = tasks / 2;
        log(contender.label + ": client only, " + warmup + " warm-up then " + tasks + " measured tasks from an in-memory"
                + " stub");
        try (StubTaskServer stub = new StubTaskServer(warmup + tasks, warmup)) {
            int port = stub.start();
            Process process = contender.launch(app, "http://127.0.0.1:" + port + "/api",
                    work.resolve(contender.name() + "-client-only.log"), List.of());
            try (ProcessProbe probe = new ProcessProbe(process.pid())) {
                if (!stub.awaitAllOrStall(10_000)) {
                    throw new IllegalStateException(contender.label + " stopped completing tasks: " + stub.completed()
                            + " of " + (warmup + tasks) + " done");
                }
                long elapsed = stub.lastCompletionMillis() - stub.warmedUpMillis();
                long cpu = probe.cpuMillisBetween(stub.warmedUpMillis(), stub.lastCompletionMillis());
                return new Report.ClientOnly(tasks, tasks * 1000.0 / elapsed, cpu * 1000.0 / tasks);
            } finally {
                stop(process);
            }
        }
    }

    private double invocationPath() throws Exception {
        log("JMH: invocation path");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(InvocationPathBenchmark.class.getName())
                .forks(1).warmupIterations(3).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(2))
                .jvmArgs(Contender.JVM_OPTIONS.toArray(String[]::new))
                .build()).run();
        return results.iterator().next().getPrimaryResult().getScore();
    }

    private int take(int count) {
        int first = nextInput;
        nextInput += count;
        return first;
    }

    private List<JsonNode> tasks(List<String> ids) throws Exception {
        ExecutorService readers = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (String id : ids) {
                futures.add(readers.submit(() -> api.task(id)));
            }
            List<JsonNode> tasks = new ArrayList<>();
            for (Future<JsonNode> future : futures) {
                JsonNode task = future.get();
                if (task != null) {
                    tasks.add(task);
                }
            }
            return tasks;
        } finally {
            readers.shutdown();
        }
    }

    private interface Condition {
        boolean met() throws Exception;
    }

    private static void awaitCondition(Condition condition, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.met()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static void stop(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static void checkClockTicks() throws Exception {
        Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
        String ticks = new String(getconf.getInputStream().readAllBytes()).trim();
        if (!ticks.equals(Long.toString(ProcessProbe.TICKS_PER_SECOND))) {
            throw new IllegalStateException("CLK_TCK is " + ticks + ", the probe assumes " + ProcessProbe.TICKS_PER_SECOND);
        }
    }

    /** Whether a scenario runs: all of them, unless {@code --only=a,b} names some. */
    private boolean selected(String scenario) {
        return !options.containsKey("only") || List.of(options.get("only").split(",")).contains(scenario);
    }

    private static <T> T log(T result) {
        log("  " + result);
        return result;
    }

    static void log(String message) {
        System.out.println(Instant.now() + " [benchmark] " + message);
    }

    static <K extends Enum<K>, V> Map<K, V> byContender(Class<K> type) {
        return new EnumMap<>(type);
    }
}

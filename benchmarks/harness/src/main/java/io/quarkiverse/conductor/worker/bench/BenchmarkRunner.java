package io.quarkiverse.conductor.worker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.conductor.worker.deployment.devservices.ConductorServer;
import io.quarkiverse.conductor.worker.deployment.devservices.ServerJar;
import io.quarkiverse.conductor.worker.runtime.InvocationPathBenchmark;

/**
 * Runs every benchmark of the README against one Conductor server (started like Dev Services start it), for every
 * contender in the same run, and writes the results as Markdown, JSON and an AsciiDoc table for the guide.
 */
public final class BenchmarkRunner {

    private static final String SERVER_VERSION = "3.32.3";
    /** Idle CPU is read over 20 s: /proc counts in 10 ms ticks, so that resolves 0.5 ms/s. */
    private static final long IDLE_WINDOW_MS = 20_000;
    private static final long TRICKLE_IDLE_SETTLE_MS = 20_000;
    private static final int IDLE_WORKERS = 100;
    /**
     * How long the server may still hold a long poll of a worker that was just stopped: 5 s, this extension's longest
     * when idle, and a margin. The server does not notice that the poll's connection closed, and hands the next queued
     * task to it: a task lost until its response timeout. So nothing is queued before this passed.
     */
    private static final long ORPHAN_POLL_MS = 6_000;
    /** The workflows of the AOT cache's training run. */
    static final int AOT_TRAINING_WORKFLOWS = 300;

    private final Map<String, String> options;
    private final Path work;
    private final Artifacts artifacts;
    private final Report report = new Report();
    private ConductorApi api;
    private String apiUrl;
    private AccessLog accessLog;
    private ProcessProbe serverProbe;
    private ProcessProbe machineProbe;
    private int nextInput;
    /** When a worker was last stopped: see {@link #ORPHAN_POLL_MS}. */
    private volatile long lastStop;

    private BenchmarkRunner(Map<String, String> options) throws Exception {
        this.options = options;
        this.work = Path.of(options.get("work"));
        Path jdk = Path.of(options.get("jdk"));
        if (!Files.isDirectory(jdk) || Machine.majorVersion(jdk) < 25) {
            throw new IllegalStateException("--jdk=" + jdk + " is not a JDK 25 or newer: every contender runs on one;"
                    + " pass -Dbenchmark.jdk=<its home>");
        }
        this.artifacts = new Artifacts(jdk.resolve("bin/java"), Path.of(options.get("app")),
                Path.of(options.get("aot-app")), Path.of(options.get("metrics-app")), Path.of(options.get("idle-app")),
                Path.of(options.get("sdk-jar")),
                // the ideal client's own classes only: a long class path would slow its start
                Path.of(IdealWorker.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
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
        String value = options.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }

    private void run() throws Exception {
        long started = System.currentTimeMillis();
        Files.createDirectories(work);
        checkClockTicks();
        report.machine = Machine.describe(artifacts.java().getParent().getParent());
        report.options.putAll(options);
        for (Contender contender : Contender.values()) {
            report.contenders.put(contender, contender.description);
        }
        if (selected("backlog") || selected("trickle") || selected("idle") || selected("startup")) {
            againstTheServer();
        }
        if (selected("client-only")) {
            int tasks = intOption("stub-tasks", 50_000);
            for (Contender contender : contenders(List.of(Contender.OURS, Contender.OURS_METRICS,
                    Contender.SDK_DEFAULT, Contender.SDK_TUNED, Contender.SDK_50, Contender.IDEAL))) {
                report.clientOnly.put(contender, log(clientOnly(contender, tasks)));
            }
        }
        if (selected("jmh")) {
            report.invocationNanos = invocationPath();
        }
        report.durationMinutes = (System.currentTimeMillis() - started) / 60_000.0;
        boolean partial = options.containsKey("only") && !options.get("only").isBlank()
                || options.containsKey("contenders") && !options.get("contenders").isBlank();
        report.write(Path.of(options.get("out")), partial ? null : Path.of(options.get("docs")));
        if (partial) {
            log("partial run (--only or --contenders): " + options.get("docs") + " left as it was");
        }
    }

    private void againstTheServer() throws Exception {
        accessLog = new AccessLog(work.resolve("server-access-log"));
        Files.createDirectories(work.resolve("server-access-log"));
        try (var files = Files.list(work.resolve("server-access-log"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        // the server on the workers' JDK, with the heap Dev Services give it
        ConductorServer server = new ConductorServer(ServerJar.resolve(SERVER_VERSION),
                artifacts.java().getParent().getParent(), List.of("-Xmx512m"), 0, accessLog.serverProperties(),
                work.resolve("server"), Duration.ofMinutes(3));
        log("starting the Conductor server " + SERVER_VERSION);
        server.start();
        serverProbe = new ProcessProbe(server.process().pid());
        machineProbe = ProcessProbe.machine();
        try {
            apiUrl = server.apiUrl();
            api = new ConductorApi(apiUrl);
            api.defineBenchmarkWorkflow();
            accessLog.check();
            int workflows = intOption("workflows", 2000);
            // both update paths of the server (update-v2 for this extension, the plain update for the others) JIT-compiled
            // before the first measured round
            log("warming up the server with this extension and the ideal client");
            backlog(Contender.OURS, Math.min(300, workflows), 0);
            backlog(Contender.IDEAL, Math.min(300, workflows), 0);
            // what the warm server spends with no worker at all, part of every window's server CPU
            Thread.sleep(ORPHAN_POLL_MS);
            long from = System.currentTimeMillis();
            Thread.sleep(IDLE_WINDOW_MS / 2);
            report.serverIdleCpuMsPerSecond = serverProbe.cpuMillisBetween(from, from + IDLE_WINDOW_MS / 2) * 1000.0
                    / (IDLE_WINDOW_MS / 2);
            log("  the server alone: " + report.serverIdleCpuMsPerSecond + " CPU ms/s");
            if (selected("backlog")) {
                int rounds = Math.max(1, intOption("backlog-rounds", 2));
                for (int round = 0; round < rounds; round++) {
                    for (Contender contender : order(contenders(Contender.BACKLOG), round)) {
                        report.backlogRounds.computeIfAbsent(contender, key -> new ArrayList<>())
                                .add(log(backlog(contender, workflows, round + 1)));
                    }
                }
            }
            if (selected("trickle")) {
                for (Contender contender : contenders(Contender.MAIN)) {
                    report.trickle.put(contender, log(trickle(contender, intOption("trickle-rate", 10),
                            intOption("trickle-seconds", 30))));
                }
            }
            if (selected("startup")) {
                startup(Math.max(1, intOption("startup-launches", 3)));
            }
            if (selected("idle")) {
                idleWorkers();
            }
        } finally {
            serverProbe.close();
            machineProbe.close();
            server.close();
        }
    }

    /**
     * The contenders in round {@code round}'s order: reversed every other round and rotated by one every two rounds, so
     * that none always follows the same one or gets the server as the same one left it (the server drifts).
     */
    static List<Contender> order(List<Contender> contenders, int round) {
        List<Contender> order = new ArrayList<>(contenders);
        Collections.rotate(order, -(round / 2));
        if (round % 2 == 1) {
            Collections.reverse(order);
        }
        return order;
    }

    /** The contenders of a scenario, less those not named by {@code --contenders} when it is given. */
    private List<Contender> contenders(List<Contender> all) {
        String only = options.get("contenders");
        if (only == null || only.isBlank()) {
            return all;
        }
        Set<String> names = Set.of(only.toUpperCase().split(","));
        return all.stream().filter(contender -> names.contains(contender.name())).toList();
    }

    /** N workflows queued first, then the worker starts and drains them. */
    private Report.Backlog backlog(Contender contender, int workflows, int round) throws Exception {
        log(contender.label + ": backlog of " + workflows + " workflows" + (round > 0 ? ", round " + round : ""));
        List<String> ids = queue(workflows);
        long launched = System.currentTimeMillis();
        Process process = contender.launch(artifacts, apiUrl, work.resolve(contender.name() + "-backlog.log"),
                List.of());
        try (ProcessProbe probe = new ProcessProbe(process.pid())) {
            awaitDrained(Duration.ofMinutes(15));
            double rss = probe.peakRssMb();
            stop(process);
            List<JsonNode> tasks = tasks(ids);
            long firstPoll = tasks.stream().mapToLong(task -> task.path("startTime").asLong()).min().orElseThrow();
            long lastCompletion = tasks.stream().mapToLong(task -> task.path("endTime").asLong()).max().orElseThrow();
            long cpu = probe.cpuMillisBetween(firstPoll, lastCompletion);
            long serverCpu = serverProbe.cpuMillisBetween(firstPoll, lastCompletion);
            // the rest of the machine's CPU: the harness, and anything else running, which should be nothing much
            double otherCpu = (machineProbe.cpuMillisBetween(firstPoll, lastCompletion) - cpu - serverCpu) * 1000.0
                    / (lastCompletion - firstPoll);
            AccessLog.Requests requests = accessLog.count(launched, lastCompletion);
            return new Report.Backlog(round, tasks.size(), tasks.size() * 1000.0 / (lastCompletion - firstPoll),
                    cpu / (double) tasks.size(), serverCpu / (double) tasks.size(), requests,
                    requests.perTask(tasks.size()), accessLog.firstPoll(launched, firstPoll) - launched, rss, otherCpu);
        } finally {
            stop(process);
        }
    }

    /**
     * Starts {@code workflows} workflows and waits until the server queued their tasks; returns the ids of those it
     * queued (a start it failed to schedule is not the worker's to drain).
     */
    private List<String> queue(int workflows) throws Exception {
        Thread.sleep(Math.max(0, lastStop + ORPHAN_POLL_MS - System.currentTimeMillis()));
        List<String> started = api.start(workflows, take(workflows));
        awaitCondition(() -> api.queueSize() == api.runningWorkflows(), Duration.ofMinutes(5), "the queue to fill");
        Set<String> queued = api.running();
        List<String> ids = started.stream().filter(queued::contains).toList();
        if (ids.size() < workflows) {
            log("the server failed to schedule " + (workflows - ids.size()) + " of the " + workflows + " workflows");
        }
        return ids;
    }

    /**
     * Waits until no benchmark workflow runs. The queue is watched first, every 500 ms: listing 2000 running workflows
     * costs the server more than reading a queue size, and the server's CPU is measured meanwhile.
     */
    private void awaitDrained(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (api.queueSize() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out waiting for the backlog to drain");
            }
            Thread.sleep(500);
        }
        awaitCondition(() -> api.runningWorkflows() == 0, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())),
                "the last tasks to complete");
    }

    /** The worker idles, then workflows arrive at a fixed rate whatever happens (open loop). */
    private Report.Trickle trickle(Contender contender, int perSecond, int seconds) throws Exception {
        log(contender.label + ": trickle of " + perSecond + " workflows/s for " + seconds + " s");
        Process process = contender.launch(artifacts, apiUrl, work.resolve(contender.name() + "-trickle.log"),
                List.of());
        try (ProcessProbe probe = new ProcessProbe(process.pid())) {
            // started and polling well before this, JIT compilation of the start-up mostly done
            Thread.sleep(TRICKLE_IDLE_SETTLE_MS);
            long idleFrom = System.currentTimeMillis();
            Thread.sleep(IDLE_WINDOW_MS);
            long idleTo = idleFrom + IDLE_WINDOW_MS;
            double idleCpu = probe.cpuMillisBetween(idleFrom, idleTo) * 1000.0 / IDLE_WINDOW_MS;
            double idleRequests = accessLog.count(idleFrom, idleTo).total() * 1000.0 / IDLE_WINDOW_MS;
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
            return new Report.Trickle(perSecond, seconds, Report.Percentiles.of(waits), idleCpu, threads,
                    idleRequests);
        } finally {
            stop(process);
        }
    }

    /**
     * Process start to first poll: one task is queued, the worker starts; the first poll request in the server's access
     * log ends the measurement, and the server's record of when it handed the task out gives the time to the first
     * task (later by as long as the server holds a batch poll: until the batch is full or the poll times out). For this
     * extension also with a JDK AOT cache, trained first.
     */
    private void startup(int launches) throws Exception {
        Path cache = work.resolve("worker-app.aot");
        Map<String, List<String>> commands = new LinkedHashMap<>();
        for (Contender contender : contenders(Contender.MAIN)) {
            commands.put(contender.name(), null);
        }
        if (commands.containsKey(Contender.OURS.name())) {
            trainAotCache(cache);
            commands.put(Report.OURS_AOT, List.of(artifacts.java().toString(), "-XX:AOTCache=" + cache, "-jar",
                    artifacts.aotApp().toString()));
        }
        List<String> variants = new ArrayList<>(commands.keySet());
        for (int launch = 0; launch < launches; launch++) {
            List<String> order = new ArrayList<>(variants);
            Collections.rotate(order, -launch);
            for (String variant : order) {
                String id = queue(1).get(0);
                long launched = System.currentTimeMillis();
                Path log = work.resolve(variant + "-startup.log");
                List<String> command = commands.get(variant);
                Process process = command == null
                        ? Contender.valueOf(variant).launch(artifacts, apiUrl, log, List.of())
                        : Contender.start(command, apiUrl, log);
                try {
                    awaitCondition(() -> !api.workflowStatus(id).equals("RUNNING"), Duration.ofMinutes(2),
                            variant + " to poll its first task");
                } finally {
                    stop(process);
                }
                long firstTask = api.task(id).path("startTime").asLong();
                long firstPoll = accessLog.firstPoll(launched, firstTask);
                report.startupMillis.computeIfAbsent(variant, key -> new ArrayList<>()).add(firstPoll - launched);
                report.startupFirstTaskMillis.computeIfAbsent(variant, key -> new ArrayList<>())
                        .add(firstTask - launched);
                log("  " + variant + ": first poll " + (firstPoll - launched) + " ms after process start, first task "
                        + (firstTask - launched) + " ms");
            }
        }
    }

    /**
     * The AOT cache of the worker application (aot-jar packaging, on the same JDK): a training run drains a backlog
     * with {@code -XX:AOTCacheOutput}, and the JVM writes the cache when it exits (SIGTERM, as a service stops).
     */
    private void trainAotCache(Path cache) throws Exception {
        Files.deleteIfExists(cache);
        log("training the AOT cache of the worker application on " + AOT_TRAINING_WORKFLOWS + " workflows");
        queue(AOT_TRAINING_WORKFLOWS);
        Process process = Contender.start(List.of(artifacts.java().toString(), "-XX:AOTCacheOutput=" + cache, "-jar",
                artifacts.aotApp().toString()), apiUrl, work.resolve("OURS_AOT-training.log"));
        try {
            awaitDrained(Duration.ofMinutes(5));
            lastStop = System.currentTimeMillis();
            process.destroy();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the AOT training run did not exit within 5 minutes");
            }
        } finally {
            stop(process);
        }
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("the AOT training run wrote no cache " + cache + ": see "
                    + work.resolve("OURS_AOT-training.log"));
        }
        log("  AOT cache: " + Files.size(cache) / (1024 * 1024) + " MB");
    }

    /**
     * 100 workers of task types nobody schedules: what idling costs, in the first minutes (while the JIT still compiles
     * the poll path, which runs only a few times a second) and after five minutes. The contenders run at the same time
     * (the machine is idle but for them), each measured on its own process.
     */
    private void idleWorkers() throws Exception {
        List<Contender> contenders = new ArrayList<>();
        for (String name : options.getOrDefault("idle-contenders", "OURS,SDK_DEFAULT").split(",")) {
            if (!name.isBlank() && contenders(Contender.MAIN).contains(Contender.valueOf(name.trim()))) {
                contenders.add(Contender.valueOf(name.trim()));
            }
        }
        log(contenders + ": " + IDLE_WORKERS + " idle workers each, measured " + intOption("idle-first-seconds", 60)
                + " s and " + intOption("idle-second-seconds", 300) + " s after start");
        long started = System.currentTimeMillis();
        Map<Contender, Process> processes = new LinkedHashMap<>();
        Map<Contender, ProcessProbe> probes = new LinkedHashMap<>();
        try {
            for (Contender contender : contenders) {
                Process process = contender.launchIdle(artifacts, apiUrl, work.resolve(contender.name() + "-idle.log"),
                        IDLE_WORKERS);
                processes.put(contender, process);
                probes.put(contender, new ProcessProbe(process.pid()));
            }
            long early = started + intOption("idle-first-seconds", 60) * 1000L;
            Thread.sleep(Math.max(0, early + IDLE_WINDOW_MS - System.currentTimeMillis()));
            Map<Contender, Long> threads = new LinkedHashMap<>();
            for (Contender contender : contenders) {
                threads.put(contender, probes.get(contender).threads());
            }
            long late = started + intOption("idle-second-seconds", 300) * 1000L;
            Thread.sleep(Math.max(0, late + IDLE_WINDOW_MS - System.currentTimeMillis()));
            for (Contender contender : contenders) {
                ProcessProbe probe = probes.get(contender);
                report.idleWorkers.put(contender, log(new Report.IdleWorkers(IDLE_WORKERS, (early - started) / 1000,
                        (late - started) / 1000, threads.get(contender),
                        probe.cpuMillisBetween(early, early + IDLE_WINDOW_MS) * 1000.0 / IDLE_WINDOW_MS,
                        probe.cpuMillisBetween(late, late + IDLE_WINDOW_MS) * 1000.0 / IDLE_WINDOW_MS,
                        probe.peakRssMb())));
            }
        } finally {
            probes.values().forEach(ProcessProbe::close);
            for (Process process : processes.values()) {
                stop(process);
            }
        }
    }

    /**
     * The worker against a stub that answers at once: the library's own cost. Time-boxed, so that a contender that
     * sleeps between polls still ends: a warm-up (half the tasks, or {@code stub-warmup-seconds}), then the measurement
     * (the other half, or {@code stub-seconds}).
     */
    private Report.ClientOnly clientOnly(Contender contender, int tasks) throws Exception {
        int warmup = tasks / 2;
        long warmupMillis = intOption("stub-warmup-seconds", 10) * 1000L;
        long measureMillis = intOption("stub-seconds", 20) * 1000L;
        log(contender.label + ": client only, in-memory stub, warm-up " + warmup + " tasks or " + warmupMillis / 1000
                + " s, then " + tasks + " tasks or " + measureMillis / 1000 + " s");
        try (StubTaskServer stub = new StubTaskServer(warmup + tasks, warmup)) {
            int port = stub.start();
            long launched = System.currentTimeMillis();
            Process process = contender.launch(artifacts, "http://127.0.0.1:" + port + "/api",
                    work.resolve(contender.name() + "-client-only.log"), List.of());
            try (ProcessProbe probe = new ProcessProbe(process.pid())) {
                long firstDeadline = launched + 60_000;
                while (stub.completed() == 0) {
                    if (System.currentTimeMillis() > firstDeadline || !process.isAlive()) {
                        throw new IllegalStateException(contender.label + " completed no task from the stub in 60 s");
                    }
                    Thread.sleep(50);
                }
                long warmupEnd = System.currentTimeMillis() + warmupMillis;
                while (stub.completed() < warmup && System.currentTimeMillis() < warmupEnd) {
                    Thread.sleep(20);
                }
                long from = System.currentTimeMillis();
                long completedFrom = stub.completed();
                long cpuFrom = probe.cpuMillis();
                long polls = stub.polls();
                long updates = stub.updates() + stub.updatesV2();
                stub.awaitAll(measureMillis, TimeUnit.MILLISECONDS);
                long to = System.currentTimeMillis();
                long cpu = probe.cpuMillis() - cpuFrom;
                long completed = stub.completed() - completedFrom;
                if (completed == 0) {
                    throw new IllegalStateException(contender.label + " stopped completing tasks");
                }
                return new Report.ClientOnly(completed, completed * 1000.0 / (to - from), cpu * 1000.0 / completed,
                        (stub.polls() - polls) / (double) completed,
                        (stub.updates() + stub.updatesV2() - updates) / (double) completed);
            } finally {
                stop(process);
            }
        }
    }

    private double invocationPath() throws Exception {
        log("JMH: invocation path");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(InvocationPathBenchmark.class.getName())
                .forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .jvm(artifacts.java().toString())
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

    private void stop(Process process) throws InterruptedException {
        if (process.isAlive()) {
            lastStop = System.currentTimeMillis();
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
        String only = options.get("only");
        return only == null || only.isBlank() || Arrays.asList(only.split(",")).contains(scenario);
    }

    private static <T> T log(T result) {
        log("  " + result);
        return result;
    }

    static void log(String message) {
        System.out.println(Instant.now() + " [benchmark] " + message);
    }
}

package io.quarkiverse.conductor.worker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The benchmark results: every figure of every contender, each as a ratio to the ideal client's and to the tuned
 * SDK's of the same run; written as Markdown and JSON, and as the AsciiDoc table of the guide.
 */
final class Report {

    static final String COMMAND = "./mvnw -B -ntp -Pbenchmarks install -DskipTests";
    /** The start-up variant of this extension with a JDK AOT cache. */
    static final String OURS_AOT = "OURS_AOT";
    /** The columns of the tables, in order. */
    private static final List<Contender> COLUMNS = List.of(Contender.OURS, Contender.OURS_METRICS,
            Contender.SDK_DEFAULT, Contender.SDK_TUNED, Contender.IDEAL, Contender.SDK_50);

    record Backlog(int round, int tasks, double tasksPerSecond, double workerCpuSecondsPer1000Tasks,
            double serverCpuMillisPerTask, AccessLog.Requests requests, AccessLog.PerTask requestsPerTask,
            long startToFirstPollMs, double peakRssMb, double otherCpuMsPerSecond) {
    }

    record Percentiles(long p50, long p95, long p99, long max) {
        static Percentiles of(List<Long> values) {
            List<Long> sorted = new ArrayList<>(values);
            sorted.sort(null);
            return new Percentiles(at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.get(sorted.size() - 1));
        }

        private static long at(List<Long> sorted, double quantile) {
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1));
        }
    }

    record Trickle(int workflowsPerSecond, int seconds, Percentiles queueWaitMs, double idleCpuMsPerSecond,
            long idleThreads, double idleRequestsPerSecond) {
    }

    record IdleWorkers(int workers, long firstWindowSeconds, long secondWindowSeconds, long threads,
            double cpuMsPerSecondFirstWindow, double cpuMsPerSecondSecondWindow, double peakRssMb) {
    }

    record ClientOnly(long tasks, double tasksPerSecond, double cpuMicrosPerTask, double pollsPerTask,
            double updatesPerTask) {
    }

    /**
     * One line of the table: a figure of each contender that has it, and each divided by the ideal client's and by the
     * tuned SDK's.
     */
    record Row(String benchmark, String metric, String pattern, Map<Contender, Double> values,
            Map<Contender, Double> vsIdeal, Map<Contender, Double> vsSdkTuned) {

        String value(Contender contender) {
            Double value = values.get(contender);
            return value == null ? "" : format(pattern, value);
        }

        String ratio(Map<Contender, Double> ratios, Contender contender) {
            Double ratio = ratios.get(contender);
            // two significant digits at least, so that a small ratio does not read as 0
            return ratio == null ? ""
                    : format(ratio >= 100 ? "%.0f"
                            : ratio >= 10 ? "%.1f"
                                    : ratio >= 0.1 || ratio == 0
                                            ? "%.2f"
                                            : ratio >= 0.01 ? "%.3f" : "%.4f",
                            ratio);
        }
    }

    Machine machine;
    final Map<Contender, String> contenders = new EnumMap<>(Contender.class);
    double durationMinutes;
    /** Every round of the backlog; the table shows each figure's median. */
    final Map<Contender, List<Backlog>> backlogRounds = new EnumMap<>(Contender.class);
    final Map<Contender, Trickle> trickle = new EnumMap<>(Contender.class);
    final Map<Contender, IdleWorkers> idleWorkers = new EnumMap<>(Contender.class);
    final Map<Contender, ClientOnly> clientOnly = new EnumMap<>(Contender.class);
    /** Process start to first poll of every launch, by contender name or {@link #OURS_AOT}. */
    final Map<String, List<Long>> startupMillis = new LinkedHashMap<>();
    /** Process start to the first task handed out, by contender name or {@link #OURS_AOT}. */
    final Map<String, List<Long>> startupFirstTaskMillis = new LinkedHashMap<>();
    Double invocationNanos;
    /** CPU ms/s of the server with no worker, measured after its start. */
    Double serverIdleCpuMsPerSecond;
    /** The harness's options, in the JSON. */
    final Map<String, String> options = new LinkedHashMap<>();

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        if (!backlogRounds.isEmpty()) {
            List<Backlog> any = backlogRounds.values().iterator().next();
            String name = "backlog (" + any.get(0).tasks() + " workflows, median of " + any.size() + " round"
                    + (any.size() > 1 ? "s" : "") + ")";
            rows.add(backlogRow(name, "tasks/s, first poll to last completion", "%.1f", Backlog::tasksPerSecond));
            rows.add(backlogRow(name, "worker CPU s per 1000 tasks", "%.2f", Backlog::workerCpuSecondsPer1000Tasks));
            rows.add(backlogRow(name, "server CPU ms per task", "%.2f", Backlog::serverCpuMillisPerTask));
            rows.add(backlogRow(name, "requests per task: long polls", "%.2f", b -> b.requestsPerTask().longPolls()));
            rows.add(backlogRow(name, "requests per task: short polls", "%.2f", b -> b.requestsPerTask().shortPolls()));
            rows.add(backlogRow(name, "requests per task: updates (POST /tasks)", "%.2f",
                    b -> b.requestsPerTask().updates()));
            rows.add(backlogRow(name, "requests per task: updates (update-v2)", "%.2f",
                    b -> b.requestsPerTask().updatesV2()));
            rows.add(backlogRow(name, "requests per task: other", "%.2f", b -> b.requestsPerTask().other()));
            rows.add(backlogRow(name, "requests per task: all", "%.2f", b -> b.requestsPerTask().total()));
            rows.add(backlogRow(name, "process start to first poll, s", "%.2f", b -> b.startToFirstPollMs() / 1000.0));
            rows.add(backlogRow(name, "worker peak RSS, MB", "%.0f", Backlog::peakRssMb));
        }
        if (!trickle.isEmpty()) {
            Trickle any = trickle.values().iterator().next();
            String name = "trickle (" + any.workflowsPerSecond() + "/s for " + any.seconds() + " s)";
            rows.add(row(name, "queue wait p50, ms", "%.0f", values(trickle, t -> t.queueWaitMs().p50())));
            rows.add(row(name, "queue wait p95, ms", "%.0f", values(trickle, t -> t.queueWaitMs().p95())));
            rows.add(row(name, "queue wait p99, ms", "%.0f", values(trickle, t -> t.queueWaitMs().p99())));
            rows.add(row(name, "queue wait max, ms", "%.0f", values(trickle, t -> t.queueWaitMs().max())));
            rows.add(row("idle, 1 worker", "CPU ms/s", "%.2f", values(trickle, Trickle::idleCpuMsPerSecond)));
            rows.add(row("idle, 1 worker", "requests/s to the server", "%.2f",
                    values(trickle, Trickle::idleRequestsPerSecond)));
            rows.add(row("idle, 1 worker", "JVM threads", "%.0f", values(trickle, t -> t.idleThreads())));
        }
        if (!idleWorkers.isEmpty()) {
            IdleWorkers any = idleWorkers.values().iterator().next();
            String name = "idle, " + any.workers() + " workers";
            rows.add(row(name, "CPU ms/s, " + after(any.firstWindowSeconds()), "%.2f",
                    values(idleWorkers, IdleWorkers::cpuMsPerSecondFirstWindow)));
            rows.add(row(name, "CPU ms/s, " + after(any.secondWindowSeconds()), "%.2f",
                    values(idleWorkers, IdleWorkers::cpuMsPerSecondSecondWindow)));
            rows.add(row(name, "JVM threads", "%.0f", values(idleWorkers, i -> i.threads())));
            rows.add(row(name, "peak RSS, MB", "%.0f", values(idleWorkers, IdleWorkers::peakRssMb)));
        }
        if (!clientOnly.isEmpty()) {
            String name = "client only (in-memory stub)";
            rows.add(row(name, "tasks/s", "%.0f", values(clientOnly, ClientOnly::tasksPerSecond)));
            rows.add(row(name, "worker CPU µs per task", "%.0f", values(clientOnly, ClientOnly::cpuMicrosPerTask)));
            rows.add(row(name, "polls per task", "%.2f", values(clientOnly, ClientOnly::pollsPerTask)));
            rows.add(row(name, "updates per task", "%.2f", values(clientOnly, ClientOnly::updatesPerTask)));
        }
        if (!startupMillis.isEmpty()) {
            int launches = startupMillis.values().iterator().next().size();
            String name = "start-up (median of " + launches + " launch" + (launches > 1 ? "es" : "") + ")";
            startupRows(rows, name, "process start to first poll", startupMillis);
            startupRows(rows, name, "process start to first task", startupFirstTaskMillis);
        }
        if (invocationNanos != null) {
            rows.add(row("invocation path (JMH)", "bind + invoke + map, ns/op", "%.0f",
                    new EnumMap<>(Map.of(Contender.OURS, invocationNanos))));
        }
        rows.removeIf(row -> row.values().isEmpty());
        return rows;
    }

    /** The seconds from process start to an event, and the same for this extension with an AOT cache. */
    private static void startupRows(List<Row> rows, String benchmark, String metric, Map<String, List<Long>> millis) {
        Map<Contender, Double> plain = new EnumMap<>(Contender.class);
        millis.forEach((variant, launches) -> {
            if (!variant.equals(OURS_AOT)) {
                plain.put(Contender.valueOf(variant), median(launches.stream().map(Long::doubleValue).toList()) / 1000.0);
            }
        });
        rows.add(row(benchmark, metric + ", s", "%.2f", plain));
        if (millis.containsKey(OURS_AOT)) {
            Map<Contender, Double> aot = new EnumMap<>(Contender.class);
            aot.put(Contender.OURS, median(millis.get(OURS_AOT).stream().map(Long::doubleValue).toList()) / 1000.0);
            // compared with the others' start without a cache
            rows.add(row(benchmark, metric + " with a JDK AOT cache, s", "%.2f", aot, plain));
        }
    }

    /** "1 minute after start", "90 s after start". */
    private static String after(long seconds) {
        return (seconds % 60 == 0 ? seconds / 60 + (seconds == 60 ? " minute" : " minutes") : seconds + " s")
                + " after start";
    }

    private Row backlogRow(String benchmark, String metric, String pattern, ToDoubleFunction<Backlog> figure) {
        Map<Contender, Double> values = new EnumMap<>(Contender.class);
        backlogRounds.forEach((contender, rounds) -> values.put(contender,
                median(rounds.stream().map(figure::applyAsDouble).toList())));
        return row(benchmark, metric, pattern, values);
    }

    private static <T> Map<Contender, Double> values(Map<Contender, T> results, ToDoubleFunction<T> figure) {
        Map<Contender, Double> values = new EnumMap<>(Contender.class);
        results.forEach((contender, result) -> values.put(contender, figure.applyAsDouble(result)));
        return values;
    }

    private static Row row(String benchmark, String metric, String pattern, Map<Contender, Double> values) {
        return row(benchmark, metric, pattern, values, values);
    }

    /** @param references the figures the ratios divide by (the same row's, unless another row is the reference) */
    private static Row row(String benchmark, String metric, String pattern, Map<Contender, Double> values,
            Map<Contender, Double> references) {
        return new Row(benchmark, metric, pattern, values, ratios(values, references.get(Contender.IDEAL)),
                ratios(values, references.get(Contender.SDK_TUNED)));
    }

    private static Map<Contender, Double> ratios(Map<Contender, Double> values, Double reference) {
        Map<Contender, Double> ratios = new EnumMap<>(Contender.class);
        if (reference != null && reference != 0) {
            values.forEach((contender, value) -> ratios.put(contender, value / reference));
        }
        return ratios;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }

    /** The value columns of this run: SDK_50 runs only against the stub. */
    private static List<Contender> columns(List<Row> rows) {
        return COLUMNS.stream().filter(contender -> rows.stream().anyMatch(row -> row.values().containsKey(contender)))
                .toList();
    }

    /**
     * @param docs the AsciiDoc include of the guide, {@code null} to leave it (a partial run)
     */
    void write(Path out, Path docs) throws IOException {
        Files.createDirectories(out);
        List<Row> rows = rows();
        List<Contender> columns = columns(rows);
        String markdown = markdown(rows, columns);
        Files.writeString(out.resolve("report.md"), markdown);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", LocalDate.now().toString());
        json.put("machine", machine);
        json.put("options", options);
        json.put("contenders", contenders);
        json.put("serverIdleCpuMsPerSecond", serverIdleCpuMsPerSecond);
        json.put("durationMinutes", durationMinutes);
        json.put("backlogRounds", backlogRounds);
        json.put("trickle", trickle);
        json.put("idleWorkers", idleWorkers);
        json.put("clientOnly", clientOnly);
        json.put("startupFirstPollMillis", startupMillis);
        json.put("startupFirstTaskMillis", startupFirstTaskMillis);
        json.put("invocationPathNanos", invocationNanos);
        json.put("table", rows);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("report.json").toFile(),
                json);
        if (docs != null) {
            Files.createDirectories(docs.getParent());
            Files.writeString(docs, asciidoc(rows, columns));
        }
        System.out.println(markdown);
    }

    private String markdown(List<Row> rows, List<Contender> columns) {
        StringBuilder markdown = new StringBuilder("# Benchmark results\n\n")
                .append(LocalDate.now()).append(", ").append(machine).append(String.format(Locale.ROOT,
                        "; the run took %.0f minutes.", durationMinutes));
        if (serverIdleCpuMsPerSecond != null) {
            markdown.append(String.format(Locale.ROOT, " The server alone, with no worker: %.1f CPU ms/s.",
                    serverIdleCpuMsPerSecond));
        }
        List<Double> other = backlogRounds.values().stream().flatMap(List::stream)
                .map(Backlog::otherCpuMsPerSecond).toList();
        if (!other.isEmpty()) {
            // the harness's own share is small; much more means something else ran and the figures are suspect
            markdown.append(String.format(Locale.ROOT, " CPU of the rest of the machine (harness and other processes)"
                    + " during the backlog rounds: median %.0f ms/s, at most %.0f.", median(other),
                    other.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        }
        markdown.append("\n\n");
        columns.forEach(contender -> markdown.append("- ").append(contender.label).append(": ")
                .append(contender.description).append('\n'));
        markdown.append("\n| Benchmark | Metric |");
        columns.forEach(contender -> markdown.append(' ').append(contender.label).append(" |"));
        markdown.append(" ours ÷ ideal | ours ÷ SDK tuned |\n|---|---|");
        columns.forEach(contender -> markdown.append("---|"));
        markdown.append("---|---|\n");
        for (Row row : rows) {
            markdown.append("| ").append(row.benchmark()).append(" | ").append(row.metric()).append(" |");
            columns.forEach(contender -> markdown.append(' ').append(row.value(contender)).append(" |"));
            markdown.append(' ').append(row.ratio(row.vsIdeal(), Contender.OURS)).append(" | ")
                    .append(row.ratio(row.vsSdkTuned(), Contender.OURS)).append(" |\n");
        }
        List<Contender> notIdeal = columns.stream().filter(contender -> contender != Contender.IDEAL).toList();
        List<Contender> notTuned = columns.stream().filter(contender -> contender != Contender.SDK_TUNED).toList();
        markdown.append("\n## Every figure as a ratio\n\n| Benchmark | Metric |");
        notIdeal.forEach(contender -> markdown.append(' ').append(contender.label).append(" ÷ ideal |"));
        notTuned.forEach(contender -> markdown.append(' ').append(contender.label).append(" ÷ SDK tuned |"));
        markdown.append("\n|---|---|").append("---|".repeat(notIdeal.size() + notTuned.size())).append('\n');
        for (Row row : rows) {
            markdown.append("| ").append(row.benchmark()).append(" | ").append(row.metric()).append(" |");
            notIdeal.forEach(contender -> markdown.append(' ').append(row.ratio(row.vsIdeal(), contender)).append(" |"));
            notTuned.forEach(
                    contender -> markdown.append(' ').append(row.ratio(row.vsSdkTuned(), contender)).append(" |"));
            markdown.append('\n');
        }
        return markdown.toString();
    }

    private String asciidoc(List<Row> rows, List<Contender> columns) {
        StringBuilder adoc = new StringBuilder("// written by the benchmark harness: ").append(COMMAND).append('\n')
                .append("Measured on ").append(LocalDate.now()).append(": ").append(machine).append(".\n\n");
        columns.forEach(contender -> adoc.append("* *").append(contender.label).append("*: ")
                .append(contender.description).append('\n'));
        adoc.append("\n[cols=\"3,4").append(",1".repeat(columns.size())).append(",1,1\",options=\"header\"]\n|===\n")
                .append("|Benchmark |Metric");
        columns.forEach(contender -> adoc.append(" |").append(contender.label));
        adoc.append(" |This extension ÷ ideal client |This extension ÷ SDK tuned\n");
        for (Row row : rows) {
            adoc.append('\n');
            List<String> cells = new ArrayList<>(List.of(row.benchmark(), row.metric()));
            columns.forEach(contender -> cells.add(row.value(contender)));
            cells.add(row.ratio(row.vsIdeal(), Contender.OURS));
            cells.add(row.ratio(row.vsSdkTuned(), Contender.OURS));
            for (String cell : cells) {
                adoc.append('|').append(cell.replace("|", "\\|")).append('\n');
            }
        }
        adoc.append("|===\n");
        if (serverIdleCpuMsPerSecond != null) {
            adoc.append(String.format(Locale.ROOT, "%nServer CPU per task includes what the server spends anyway: %.1f ms/s"
                    + " with no worker.%n", serverIdleCpuMsPerSecond));
        }
        if (startupMillis.containsKey(OURS_AOT)) {
            adoc.append("\nThe JDK AOT cache: the application packaged with `quarkus.package.jar.type=aot-jar`, trained by")
                    .append(" draining a backlog of ").append(BenchmarkRunner.AOT_TRAINING_WORKFLOWS)
                    .append(" workflows with `-XX:AOTCacheOutput=app.aot` (the JVM writes the cache when it stops), then")
                    .append(" started with `-XX:AOTCache=app.aot`.\n");
        }
        return adoc.toString();
    }
}

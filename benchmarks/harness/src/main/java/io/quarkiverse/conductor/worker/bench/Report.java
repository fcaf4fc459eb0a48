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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The benchmark results, checked against the targets, written as Markdown, JSON and an AsciiDoc table.
 */
final class Report {

    static final String COMMAND = "./mvnw -B -ntp -Pbenchmarks install -DskipTests";

    record Backlog(int workflows, double tasksPerSecond, double cpuSecondsPer1000Tasks, long startToFirstPollMs,
            double peakRssMb) {

        /** Each figure's median over the rounds: the server's speed drifts from one run to the next. */
        static Backlog median(List<Backlog> rounds) {
            return new Backlog(rounds.get(0).workflows(), median(rounds, Backlog::tasksPerSecond),
                    median(rounds, Backlog::cpuSecondsPer1000Tasks),
                    Math.round(median(rounds, backlog -> (double) backlog.startToFirstPollMs())),
                    median(rounds, Backlog::peakRssMb));
        }

        private static double median(List<Backlog> rounds, java.util.function.ToDoubleFunction<Backlog> figure) {
            double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
            int middle = values.length / 2;
            return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        }
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
            long idleThreads) {
    }

    record IdleWorkers(int workers, long threads, double cpuMsPerSecondAfterOneMinute,
            double cpuMsPerSecondAfterFiveMinutes, double peakRssMb) {
    }

    record ClientOnly(int tasks, double tasksPerSecond, double cpuMicrosPerTask) {
    }

    /** One line of the table. */
    record Row(String benchmark, String metric, String ours, String baseline, String ratio, String target, String met) {
    }

    Machine machine;
    final Map<Contender, Backlog> backlog = new EnumMap<>(Contender.class);
    /** Every round of the backlog, in the JSON only; the table shows the medians. */
    final Map<Contender, List<Backlog>> backlogRounds = new EnumMap<>(Contender.class);
    final Map<Contender, Trickle> trickle = new EnumMap<>(Contender.class);
    IdleWorkers idleWorkers;
    final Map<Contender, ClientOnly> clientOnly = new EnumMap<>(Contender.class);
    double invocationNanos;

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Backlog ours = backlog.get(Contender.OURS);
        Backlog base = backlog.get(Contender.BASELINE);
        int rounds = backlogRounds.getOrDefault(Contender.OURS, List.of()).size();
        String backlogName = "backlog (" + ours.workflows() + " workflows" + (rounds > 1 ? ", median of " + rounds
                + " rounds" : "") + ")";
        rows.add(ratioRow(backlogName, "tasks/s, first poll to last completion", ours.tasksPerSecond(),
                base.tasksPerSecond(), "%.1f", "≥ 0.95 × baseline", ours.tasksPerSecond() >= 0.95 * base.tasksPerSecond()));
        rows.add(ratioRow(backlogName, "worker CPU s per 1000 tasks", ours.cpuSecondsPer1000Tasks(),
                base.cpuSecondsPer1000Tasks(), "%.2f", "≤ 1.0 × baseline",
                ours.cpuSecondsPer1000Tasks() <= base.cpuSecondsPer1000Tasks()));
        rows.add(new Row(backlogName, "process start to first poll, s", format("%.2f", ours.startToFirstPollMs() / 1000.0),
                format("%.2f", base.startToFirstPollMs() / 1000.0), "", "≤ 0.7 s", met(ours.startToFirstPollMs() <= 700)));
        rows.add(new Row(backlogName, "peak RSS, MB", format("%.0f", ours.peakRssMb()), format("%.0f", base.peakRssMb()),
                "", "aim ≤ 90 MB", met(ours.peakRssMb() <= 90)));

        Trickle oursTrickle = trickle.get(Contender.OURS);
        Trickle baseTrickle = trickle.get(Contender.BASELINE);
        String trickleName = "trickle (" + oursTrickle.workflowsPerSecond() + "/s for " + oursTrickle.seconds() + " s)";
        Percentiles ow = oursTrickle.queueWaitMs();
        Percentiles bw = baseTrickle.queueWaitMs();
        rows.add(new Row(trickleName, "queue wait p50, ms", Long.toString(ow.p50()), Long.toString(bw.p50()),
                signed(ow.p50() - bw.p50()) + " ms", "≤ baseline + 5 ms", met(ow.p50() <= bw.p50() + 5)));
        rows.add(new Row(trickleName, "queue wait p95, ms", Long.toString(ow.p95()), Long.toString(bw.p95()),
                signed(ow.p95() - bw.p95()) + " ms", "", ""));
        rows.add(new Row(trickleName, "queue wait p99, ms", Long.toString(ow.p99()), Long.toString(bw.p99()),
                signed(ow.p99() - bw.p99()) + " ms", "≤ 100 ms", met(ow.p99() <= 100)));
        rows.add(new Row(trickleName, "queue wait max, ms", Long.toString(ow.max()), Long.toString(bw.max()),
                signed(ow.max() - bw.max()) + " ms", "", ""));
        rows.add(new Row("idle, 1 worker", "CPU ms/s", format("%.2f", oursTrickle.idleCpuMsPerSecond()),
                format("%.2f", baseTrickle.idleCpuMsPerSecond()), "", "≤ 3 ms/s",
                met(oursTrickle.idleCpuMsPerSecond() <= 3)));
        rows.add(new Row("idle, 1 worker", "JVM threads", Long.toString(oursTrickle.idleThreads()),
                Long.toString(baseTrickle.idleThreads()), "", "", ""));
        rows.add(new Row("idle, " + idleWorkers.workers() + " workers", "JVM threads",
                Long.toString(idleWorkers.threads()), "", "+" + (idleWorkers.threads() - oursTrickle.idleThreads())
                        + " vs 1 worker",
                "a handful more than 1 worker", met(idleWorkers.threads() - oursTrickle.idleThreads() <= 5)));
        rows.add(new Row("idle, " + idleWorkers.workers() + " workers", "CPU ms/s, 1 minute after start (JIT warming up)",
                format("%.2f", idleWorkers.cpuMsPerSecondAfterOneMinute()), "", "", "", ""));
        rows.add(new Row("idle, " + idleWorkers.workers() + " workers", "CPU ms/s, 5 minutes after start",
                format("%.2f", idleWorkers.cpuMsPerSecondAfterFiveMinutes()), "", "", "≤ 10 ms/s",
                met(idleWorkers.cpuMsPerSecondAfterFiveMinutes() <= 10)));

        ClientOnly oursClient = clientOnly.get(Contender.OURS);
        ClientOnly baseClient = clientOnly.get(Contender.BASELINE);
        String clientName = "client only (" + oursClient.tasks() + " tasks, in-memory stub)";
        rows.add(ratioRow(clientName, "tasks/s", oursClient.tasksPerSecond(), baseClient.tasksPerSecond(), "%.0f",
                "≥ 5000 tasks/s", oursClient.tasksPerSecond() >= 5000));
        rows.add(ratioRow(clientName, "worker CPU µs per task", oursClient.cpuMicrosPerTask(),
                baseClient.cpuMicrosPerTask(), "%.0f", "", null));
        rows.add(new Row("invocation path (JMH)", "bind + invoke + map, ns/op", format("%.0f", invocationNanos), "", "",
                "", ""));
        return rows;
    }

    private static Row ratioRow(String benchmark, String metric, double ours, double baseline, String pattern,
            String target, Boolean met) {
        return new Row(benchmark, metric, format(pattern, ours), format(pattern, baseline),
                format("%.2f", ours / baseline), target, met == null ? "" : met(met));
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String signed(long value) {
        return (value >= 0 ? "+" : "") + value;
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }

    void write(Path out, Path docs) throws IOException {
        Files.createDirectories(out);
        List<Row> rows = rows();
        StringBuilder markdown = new StringBuilder("# Benchmark results\n\n")
                .append(LocalDate.now()).append(", ").append(machine).append("\n\n")
                .append("| Benchmark | Metric | Ours | Baseline | Ours vs baseline | Target | Met |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Row row : rows) {
            markdown.append("| ").append(String.join(" | ", row.benchmark(), row.metric(), row.ours(), row.baseline(),
                    row.ratio(), row.target(), row.met())).append(" |\n");
        }
        Files.writeString(out.resolve("report.md"), markdown);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", LocalDate.now().toString());
        json.put("machine", machine);
        json.put("jvmOptions", Contender.JVM_OPTIONS);
        json.put("concurrency", Contender.CONCURRENCY);
        json.put("backlog", backlog);
        json.put("backlogRounds", backlogRounds);
        json.put("trickle", trickle);
        json.put("idleWorkers", idleWorkers);
        json.put("clientOnly", clientOnly);
        json.put("invocationPathNanos", invocationNanos);
        json.put("table", rows);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("report.json").toFile(),
                json);
        StringBuilder adoc = new StringBuilder("// written by the benchmark harness: ").append(COMMAND).append('\n')
                .append("Measured on ").append(LocalDate.now()).append(": ").append(machine).append(".\n\n")
                .append("[cols=\"3,3,1,1,1,2,1\",options=\"header\"]\n|===\n")
                .append("|Benchmark |Metric |Ours |Baseline |Ours vs baseline |Target |Met\n");
        for (Row row : rows) {
            adoc.append('\n');
            for (String cell : List.of(row.benchmark(), row.metric(), row.ours(), row.baseline(), row.ratio(),
                    row.target(), row.met().replace("**", "*"))) {
                adoc.append('|').append(cell.replace("|", "\\|")).append('\n');
            }
        }
        adoc.append("|===\n");
        Files.createDirectories(docs.getParent());
        Files.writeString(docs, adoc);
        System.out.println(markdown);
    }
}

package io.quarkiverse.conductor.worker.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The server's own record of the requests it got: the Tomcat access log of the Conductor server (a Spring Boot
 * application on Tomcat 10.1), switched on with Spring Boot properties. It costs the workers nothing and sees every
 * request whatever client sent it; the harness marks its own requests with {@link #HARNESS_USER_AGENT} to leave them
 * out.
 */
final class AccessLog {

    static final String HARNESS_USER_AGENT = "conductor-worker-benchmark-harness";

    /** Start of the request (epoch ms), status, time taken, user agent, request line; the request line last: it has spaces. */
    private static final String PATTERN = "%{begin:msec}t|%s|%D|%{User-Agent}i|%r";

    /** Requests of each kind, in a window. */
    record Requests(long longPolls, long shortPolls, long updates, long updatesV2, long other) {

        long total() {
            return longPolls + shortPolls + updates + updatesV2 + other;
        }

        /** Each count divided by {@code tasks}. */
        PerTask perTask(long tasks) {
            double n = Math.max(1, tasks);
            return new PerTask(longPolls / n, shortPolls / n, updates / n, updatesV2 / n, other / n, total() / n);
        }
    }

    record PerTask(double longPolls, double shortPolls, double updates, double updatesV2, double other,
            double total) {
    }

    private final Path directory;

    AccessLog(Path directory) {
        this.directory = directory;
    }

    /**
     * The server properties that write the log: unbuffered, so that a window can be read as soon as it ends (a write
     * per request, the same for every contender); not rotated.
     */
    Map<String, String> serverProperties() {
        return Map.of("server.tomcat.accesslog.enabled", "true",
                "server.tomcat.accesslog.directory", directory.toString(),
                "server.tomcat.accesslog.prefix", "access",
                "server.tomcat.accesslog.suffix", ".log",
                "server.tomcat.accesslog.file-date-format", "",
                "server.tomcat.accesslog.rotate", "false",
                "server.tomcat.accesslog.buffered", "false",
                "server.tomcat.accesslog.pattern", PATTERN);
    }

    /** Fails unless the server wrote the log, in the expected pattern: the counts would silently be zero. */
    void check() {
        if (lines().noneMatch(line -> line.contains(HARNESS_USER_AGENT) && parse(line) != null)) {
            throw new IllegalStateException("The Conductor server wrote no access log in " + directory + " (or not in"
                    + " the pattern " + PATTERN + "): the server.tomcat.accesslog.* properties did not take effect");
        }
    }

    /** The workers' requests that began in {@code [from, to]} (epoch ms), the harness's left out. */
    Requests count(long fromMillis, long toMillis) {
        long[] counts = new long[5];
        try (Stream<String> lines = lines()) {
            lines.forEach(line -> {
                String[] fields = parse(line);
                if (fields == null || fields[3].equals(HARNESS_USER_AGENT)) {
                    return;
                }
                long begin = Long.parseLong(fields[0]);
                if (begin >= fromMillis && begin <= toMillis) {
                    counts[kind(fields[4])]++;
                }
            });
        }
        return new Requests(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    /** When the first poll of a worker that began in {@code [from, to]} began (epoch ms); -1 if none did. */
    long firstPoll(long fromMillis, long toMillis) {
        try (Stream<String> lines = lines()) {
            return lines.map(AccessLog::parse)
                    .filter(fields -> fields != null && !fields[3].equals(HARNESS_USER_AGENT) && kind(fields[4]) <= 1)
                    .mapToLong(fields -> Long.parseLong(fields[0]))
                    .filter(begin -> begin >= fromMillis && begin <= toMillis)
                    .min().orElse(-1);
        }
    }

    /** 0 long poll, 1 short poll, 2 update, 3 update-v2, 4 anything else. */
    static int kind(String requestLine) {
        String[] parts = requestLine.split(" ");
        if (parts.length < 2) {
            return 4;
        }
        String method = parts[0];
        String target = parts[1];
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        if (method.equals("GET") && path.startsWith("/api/tasks/poll/batch/")) {
            // the server's default timeout for a batch poll is 100 ms
            String timeout = query < 0 ? null : parameter(target.substring(query + 1), "timeout");
            return timeout == null || Long.parseLong(timeout) > 0 ? 0 : 1;
        }
        if (method.equals("GET") && path.startsWith("/api/tasks/poll/")) {
            // the single-task poll answers at once
            return 1;
        }
        if (method.equals("POST") && path.equals("/api/tasks")) {
            return 2;
        }
        if (method.equals("POST") && path.equals("/api/tasks/update-v2")) {
            return 3;
        }
        return 4;
    }

    private static String parameter(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    /** The five fields of a line, or {@code null} for a line in another format. */
    private static String[] parse(String line) {
        String[] fields = line.split("\\|", 5);
        if (fields.length < 5 || fields[0].isEmpty() || !Character.isDigit(fields[0].charAt(0))) {
            return null;
        }
        return fields;
    }

    private Stream<String> lines() {
        try {
            List<Path> files;
            try (Stream<Path> entries = Files.list(directory)) {
                files = entries.filter(Files::isRegularFile).sorted().toList();
            }
            return files.stream().flatMap(file -> {
                try {
                    return Files.readAllLines(file).stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the access log in " + directory, e);
        }
    }
}

package io.quarkiverse.conductor.worker.deployment.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds a JDK able to run the Conductor server, which needs Java 21 or newer while the application may build with 17.
 */
public final class JavaHomes {

    public static final int MINIMUM_VERSION = 21;

    private static final List<Path> JDK_DIRECTORIES = List.of(Path.of("/usr/lib/jvm"),
            Path.of("/Library/Java/JavaVirtualMachines"));

    private JavaHomes() {
    }

    /**
     * The configured JDK if any (it must be 21 or newer), else the running JVM, {@code JAVA_HOME}, then the newest JDK
     * found in the usual directories.
     *
     * @throws IllegalStateException naming what was tried and how to fix it
     */
    public static Path find(Optional<String> configured, String property) {
        if (configured.isPresent()) {
            Path home = Path.of(configured.get());
            int version = version(home);
            if (version < MINIMUM_VERSION) {
                throw new IllegalStateException(property + " is " + home + ", which "
                        + (version == 0 ? "is not a JDK (no bin/java and release file)" : "is Java " + version)
                        + "; the Conductor server needs Java " + MINIMUM_VERSION + " or newer");
            }
            return home;
        }
        Map<Path, Integer> tried = new LinkedHashMap<>();
        for (Path candidate : candidates()) {
            int version = version(candidate);
            tried.put(candidate, version);
            if (version >= MINIMUM_VERSION) {
                return candidate;
            }
        }
        StringBuilder found = new StringBuilder();
        tried.forEach((home, version) -> found.append(found.length() == 0 ? "" : ", ").append(home)
                .append(version == 0 ? " (not a JDK)" : " (Java " + version + ")"));
        throw new IllegalStateException("No JDK " + MINIMUM_VERSION + " or newer found to run the Conductor server of Dev"
                + " Services (tried: " + (found.length() == 0 ? "nothing" : found) + "): install one and set " + property
                + " to it, or set quarkus.conductor.server-url to a running server");
    }

    private static List<Path> candidates() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("java.home")));
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            candidates.add(Path.of(javaHome));
        }
        List<Path> installed = new ArrayList<>();
        for (Path directory : JDK_DIRECTORIES) {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> entries = Files.list(directory)) {
                    // macOS keeps the home one level down
                    entries.map(entry -> Files.isDirectory(entry.resolve("Contents/Home")) ? entry.resolve("Contents/Home")
                            : entry).forEach(installed::add);
                } catch (IOException e) {
                    // an unreadable directory holds no usable JDK
                }
            }
        }
        installed.sort(Comparator.comparingInt(JavaHomes::version).reversed());
        candidates.addAll(installed);
        return candidates;
    }

    /** The major Java version of the JDK at {@code home}, from its {@code release} file; 0 if it is not a JDK. */
    static int version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return 0;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            properties.load(in);
        } catch (IOException e) {
            return 0;
        }
        String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
        try {
            String major = version.startsWith("1.") ? version.substring(2) : version;
            int end = 0;
            while (end < major.length() && Character.isDigit(major.charAt(end))) {
                end++;
            }
            return end == 0 ? 0 : Integer.parseInt(major.substring(0, end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

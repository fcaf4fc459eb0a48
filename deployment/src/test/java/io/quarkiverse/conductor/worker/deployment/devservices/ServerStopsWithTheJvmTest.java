package io.quarkiverse.conductor.worker.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that started a Conductor server stops it when it exits, and the server's supervisor does not take that exit for
 * a crash: no server is left running once the JVM has gone (Dev Services keep their server until the JVM exits).
 */
class ServerStopsWithTheJvmTest {

    @TempDir
    Path workDirectory;

    @Test
    void serverIsStoppedAndNotRestartedWhenTheJvmExits() throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), StartServerThenExit.class.getName(), workDirectory.toString())
                .redirectErrorStream(true).redirectOutput(workDirectory.resolve("jvm.log").toFile()).start();

        assertThat(jvm.waitFor(5, TimeUnit.MINUTES)).as("the JVM exits").isTrue();
        assertThat(jvm.exitValue()).as(Files.readString(workDirectory.resolve("jvm.log"))).isZero();
        long pid = Long.parseLong(Files.readString(workDirectory.resolve("conductor-server.pid")).trim());
        // the pid file names the last server started: a restart would have written a living one
        Optional<ProcessHandle> left = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        left.ifPresent(ProcessHandle::destroyForcibly);
        assertThat(left).as("a server left running").isEmpty();
    }

    /** Starts a server with the settings of Dev Services, then returns: the JVM exits with it running. */
    public static class StartServerThenExit {
        public static void main(String[] args) {
            ConductorServer server = new ConductorServer(ServerJar.resolve("3.32.3"),
                    JavaHomes.find(Optional.empty(), ConductorDevServicesProcessor.JAVA_HOME_PROPERTY), List.of("-Xmx512m"),
                    0, Map.of(), Path.of(args[0]), Duration.ofMinutes(3));
            server.start();
            System.out.println("started " + server.apiUrl());
            // the other shutdown work of a real JVM (Quarkus, the test runner): time a wrongful restart would have
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
    }
}

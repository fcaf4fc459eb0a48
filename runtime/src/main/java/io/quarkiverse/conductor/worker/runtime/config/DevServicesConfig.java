package io.quarkiverse.conductor.worker.runtime.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.smallrye.config.WithDefault;

/**
 * In dev and test mode, when no server is configured, the extension starts a Conductor OSS server (the
 * {@code org.conductoross:conductor-server} boot jar, run by a JDK 21 or newer, with a fresh SQLite database) and
 * points the application at it.
 */
public interface DevServicesConfig {

    /**
     * Where Dev Services publish the file holding the process id of the server they started (it changes when the server
     * is restarted after a crash): the test support's {@code DevServicesConductorServer} reads it to kill the server. Not
     * under {@code quarkus.}: it is set by Dev Services, never by users.
     */
    String PID_FILE_PROPERTY = "conductor.devservices.pid-file";

    /**
     * Whether to start a Conductor server in dev and test mode. It is only started when neither
     * `quarkus.conductor.server-url` nor the `CONDUCTOR_SERVER_URL` environment variable is set.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The version of `org.conductoross:conductor-server` to run. Its boot jar (about 460 MB) is resolved through Maven
     * (your local repository and configured remote repositories) the first time.
     */
    @WithDefault("3.32.3")
    String serverVersion();

    /**
     * The port the server listens on, on the loopback interface; a free port by default.
     */
    OptionalInt port();

    /**
     * The JDK (21 or newer) that runs the server. By default: the JVM running the build if it is 21 or newer, then
     * `JAVA_HOME`, then the newest JDK 21+ under `/usr/lib/jvm` (or `/Library/Java/JavaVirtualMachines`).
     */
    Optional<String> javaHome();

    /**
     * Options for the server's JVM.
     */
    @WithDefault("-Xmx512m")
    String javaOptions();

    /**
     * Extra Spring Boot properties for the server, such as `conductor.app.workflow-execution-lock-enabled=true`.
     */
    @ConfigDocMapKey("property-name")
    Map<String, String> serverProperties();

    /**
     * How long to wait for the server to report healthy before giving up.
     */
    @WithDefault("3m")
    Duration startupTimeout();
}

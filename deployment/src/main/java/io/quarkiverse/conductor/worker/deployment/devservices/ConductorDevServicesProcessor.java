package io.quarkiverse.conductor.worker.deployment.devservices;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.conductor.worker.runtime.client.ServerUrl;
import io.quarkiverse.conductor.worker.runtime.config.ConductorBuildTimeConfig;
import io.quarkiverse.conductor.worker.runtime.config.DevServicesConfig;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CuratedApplicationShutdownBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig.Enabled;
import io.quarkus.deployment.pkg.builditem.OutputTargetBuildItem;

/**
 * Starts a Conductor server for dev and test mode when the application has none configured. No container engine is
 * needed: the server is the Conductor OSS boot jar run by a local JDK 21+.
 */
public class ConductorDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(ConductorDevServicesProcessor.class);

    static final String FEATURE = "conductor-worker";
    static final String JAVA_HOME_PROPERTY = "quarkus.conductor.devservices.java-home";

    /**
     * What identifies a running server: a new build with the same values (a live reload, another test class) reuses it.
     */
    record ServerSpec(String version, int port, Optional<String> javaHome, String javaOptions,
            Map<String, String> properties) {
    }

    /**
     * The server started for the current application. It outlives a build: a live reload, or another test class of the
     * same application, reuses it when nothing it was started with changed. It is stopped when the application is
     * closed (the end of dev mode, of a test run), and by the JVM's shutdown hook at the latest.
     */
    private static volatile RunningServer running;
    private static volatile boolean closeTaskRegistered;

    private record RunningServer(ServerSpec spec, ConductorServer server) {
    }

    /**
     * The server is started here, as a {@code discovered} Dev Service, rather than handed to Quarkus as an
     * {@code owned} one: owned services are started by {@code quarkus-devservices}, whose build steps ask Testcontainers
     * for a container engine in dev mode (an ERROR on every machine without Docker) although this server is a plain
     * child process. Without that module the extension carries no container code at all.
     */
    @BuildStep(onlyIf = { IsDevServicesSupportedByLaunchMode.class, Enabled.class })
    DevServicesResultBuildItem conductorServer(ConductorBuildTimeConfig config, OutputTargetBuildItem outputTarget,
            CuratedApplicationShutdownBuildItem shutdown, BuildProducer<ConductorDevServicesBuildItem> started) {
        DevServicesConfig devServices = config.devservices();
        if (!devServices.enabled()) {
            stop();
            return null;
        }
        Optional<String> configured = configuredServer();
        if (configured.isPresent()) {
            LOG.debugf("Not starting a Conductor server: %s is set", configured.get());
            stop();
            return null;
        }
        ServerSpec spec = new ServerSpec(devServices.serverVersion(), devServices.port().orElse(0),
                devServices.javaHome(), devServices.javaOptions(), new TreeMap<>(devServices.serverProperties()));
        Path workDirectory = outputTarget.getOutputDirectory().resolve("conductor-dev-services");
        ConductorServer server = serverFor(spec, workDirectory, devServices.startupTimeout());
        if (!closeTaskRegistered) {
            closeTaskRegistered = true;
            shutdown.addCloseTask(() -> {
                stop();
                closeTaskRegistered = false;
            }, true);
        }
        started.produce(new ConductorDevServicesBuildItem(server.uiUrl()));
        return DevServicesResultBuildItem.discovered()
                .feature(FEATURE)
                .description("Conductor OSS server " + spec.version() + " (UI: " + server.uiUrl() + ")")
                .config(Map.of(ServerUrl.PROPERTY, server.apiUrl(),
                        DevServicesConfig.PID_FILE_PROPERTY, server.pidFile().toString()))
                .build();
    }

    private static synchronized ConductorServer serverFor(ServerSpec spec, Path workDirectory, Duration startupTimeout) {
        RunningServer current = running;
        if (current != null && current.spec().equals(spec)) {
            LOG.debugf("Reusing the Conductor server of Dev Services at %s", current.server().apiUrl());
            return current.server();
        }
        stop();
        ConductorServer server = new ConductorServer(ServerJar.resolve(spec.version()),
                JavaHomes.find(spec.javaHome(), JAVA_HOME_PROPERTY), options(spec.javaOptions()), spec.port(),
                spec.properties(), workDirectory, startupTimeout);
        // start() stops the process itself when it fails
        server.start();
        running = new RunningServer(spec, server);
        LOG.infof("Dev Services started a Conductor server %s at %s; its UI is at %s (log: %s)", spec.version(),
                server.apiUrl(), server.uiUrl(), server.logFile());
        return server;
    }

    private static synchronized void stop() {
        RunningServer current = running;
        running = null;
        if (current != null) {
            current.server().close();
        }
    }

    /** The property or variable that points at a server already, if one does. */
    private static Optional<String> configuredServer() {
        for (String name : List.of(ServerUrl.PROPERTY, ServerUrl.ENVIRONMENT_VARIABLE)) {
            Optional<String> value = ConfigProvider.getConfig().getOptionalValue(name, String.class)
                    .filter(url -> !url.isBlank());
            if (value.isPresent()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static List<String> options(String javaOptions) {
        return Arrays.stream(javaOptions.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
    }
}

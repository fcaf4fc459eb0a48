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
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig.Enabled;
import io.quarkus.deployment.pkg.builditem.OutputTargetBuildItem;
import io.quarkus.runtime.LaunchMode;

/**
 * Starts a Conductor server for dev and test mode when the application has none configured. No container engine is
 * needed: the server is the Conductor OSS boot jar run by a local JDK 21+.
 */
public class ConductorDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(ConductorDevServicesProcessor.class);

    static final String FEATURE = "conductor-worker";
    static final String JAVA_HOME_PROPERTY = "quarkus.conductor.devservices.java-home";

    /**
     * What identifies a running server: a new build with the same values (a live reload, another test class or test
     * profile) reuses it.
     */
    record ServerSpec(String version, int port, Optional<String> javaHome, String javaOptions,
            Map<String, String> properties, Duration startupTimeout, Path workDirectory, LaunchMode launchMode) {
    }

    /** Where a running server is, as the application and its tests need it. */
    record Endpoints(String apiUrl, String uiUrl, String pidFile, String logFile) {

        private static final String SEPARATOR = "\n";

        String encode(ServerSpec spec) {
            return String.join(SEPARATOR, spec.toString(), apiUrl, uiUrl, pidFile, logFile);
        }

        /** The endpoints {@code encoded} for {@code spec}, or {@code null} if it is another server's. */
        static Endpoints decode(String encoded, ServerSpec spec) {
            String[] parts = encoded == null ? new String[0] : encoded.split(SEPARATOR, -1);
            return parts.length == 5 && parts[0].equals(spec.toString()) ? new Endpoints(parts[1], parts[2], parts[3],
                    parts[4]) : null;
        }
    }

    /**
     * Where the server started in this JVM is published, for the builds made in other class loaders: Quarkus builds each
     * test profile in a class loader of its own (often all of them before the first test runs), and each one would
     * otherwise start a server of its own. Only text crosses class loaders.
     */
    static final String SHARED_SERVER_PROPERTY = "io.quarkiverse.conductor.devservices.server";

    /**
     * The server this class loader started. It outlives a build: a live reload reuses it when nothing it was started
     * with changed. It runs until the JVM exits (its shutdown hook stops it), or until a build asks for another one.
     */
    private static volatile RunningServer running;

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
            LaunchModeBuildItem launchMode, BuildProducer<ConductorDevServicesBuildItem> started) {
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
        // dev mode and its continuous testing get a server each, in a directory each: tests must not run the dev
        // application's workflows, nor its workers theirs
        Path workDirectory = outputTarget.getOutputDirectory().resolve("conductor-dev-services");
        if (launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT) {
            workDirectory = workDirectory.resolve("dev");
        }
        ServerSpec spec = new ServerSpec(devServices.serverVersion(), devServices.port().orElse(0),
                devServices.javaHome(), devServices.javaOptions(), new TreeMap<>(devServices.serverProperties()),
                devServices.startupTimeout(), workDirectory, launchMode.getLaunchMode());
        Endpoints server = serverFor(spec);
        started.produce(new ConductorDevServicesBuildItem(server.uiUrl()));
        return DevServicesResultBuildItem.discovered()
                .feature(FEATURE)
                .description("Conductor OSS server " + spec.version() + " (UI: " + server.uiUrl() + ")")
                .config(Map.of(ServerUrl.PROPERTY, server.apiUrl(), DevServicesConfig.PID_FILE_PROPERTY, server.pidFile()))
                .build();
    }

    private static synchronized Endpoints serverFor(ServerSpec spec) {
        RunningServer current = running;
        if (current != null && current.spec().equals(spec)) {
            LOG.debugf("Reusing the Conductor server of Dev Services at %s", current.server().apiUrl());
            return endpoints(current.server());
        }
        Endpoints shared = Endpoints.decode(System.getProperty(SHARED_SERVER_PROPERTY), spec);
        if (shared != null && ConductorServer.isHealthy(shared.apiUrl())) {
            LOG.infof("Dev Services use the Conductor server %s at %s, started for another build of this JVM; its UI is"
                    + " at %s (log: %s)", spec.version(), shared.apiUrl(), shared.uiUrl(), shared.logFile());
            return shared;
        }
        stop();
        ConductorServer server = new ConductorServer(ServerJar.resolve(spec.version()),
                JavaHomes.find(spec.javaHome(), JAVA_HOME_PROPERTY), options(spec.javaOptions()), spec.port(),
                spec.properties(), spec.workDirectory(), spec.startupTimeout());
        // start() stops the process itself when it fails
        server.start();
        running = new RunningServer(spec, server);
        Endpoints endpoints = endpoints(server);
        System.setProperty(SHARED_SERVER_PROPERTY, endpoints.encode(spec));
        LOG.infof("Dev Services started a Conductor server %s at %s; its UI is at %s (log: %s)", spec.version(),
                server.apiUrl(), server.uiUrl(), server.logFile());
        return endpoints;
    }

    private static Endpoints endpoints(ConductorServer server) {
        return new Endpoints(server.apiUrl(), server.uiUrl(), server.pidFile().toString(), server.logFile().toString());
    }

    private static synchronized void stop() {
        RunningServer current = running;
        running = null;
        if (current != null) {
            System.clearProperty(SHARED_SERVER_PROPERTY);
            current.server().close();
        }
    }

    /** The property or variable that points at a server already, if one does. */
    private static Optional<String> configuredServer() {
        return ServerUrl.setting(ConfigProvider.getConfig()).map(ServerUrl.Setting::name);
    }

    private static List<String> options(String javaOptions) {
        return Arrays.stream(javaOptions.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
    }
}

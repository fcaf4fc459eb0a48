package io.quarkiverse.conductor.worker.deployment.devservices;

import java.nio.file.Path;
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
import io.quarkus.deployment.annotations.BuildStep;
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

    @BuildStep(onlyIf = { IsDevServicesSupportedByLaunchMode.class, Enabled.class })
    DevServicesResultBuildItem conductorServer(ConductorBuildTimeConfig config, OutputTargetBuildItem outputTarget) {
        DevServicesConfig devServices = config.devservices();
        if (!devServices.enabled()) {
            return null;
        }
        Optional<String> configured = configuredServer();
        if (configured.isPresent()) {
            LOG.debugf("Not starting a Conductor server: %s is set", configured.get());
            return null;
        }
        ServerSpec spec = new ServerSpec(devServices.serverVersion(), devServices.port().orElse(0),
                devServices.javaHome(), devServices.javaOptions(), new TreeMap<>(devServices.serverProperties()));
        Path workDirectory = outputTarget.getOutputDirectory().resolve("conductor-dev-services");
        return DevServicesResultBuildItem.<ConductorServer> owned()
                .feature(FEATURE)
                .serviceName("conductor")
                .description("Conductor OSS server " + spec.version())
                .serviceConfig(spec)
                .startable(() -> new ConductorServer(ServerJar.resolve(spec.version()),
                        JavaHomes.find(spec.javaHome(), JAVA_HOME_PROPERTY), options(spec.javaOptions()), spec.port(),
                        spec.properties(), workDirectory, devServices.startupTimeout()))
                .postStartHook(server -> LOG.infof("Dev Services started a Conductor server %s at %s (log: %s)",
                        spec.version(), server.apiUrl(), server.logFile()))
                .configProvider(Map.of(ServerUrl.PROPERTY, ConductorServer::getConnectionInfo,
                        DevServicesConfig.PID_FILE_PROPERTY, server -> server.pidFile().toString()))
                .build();
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

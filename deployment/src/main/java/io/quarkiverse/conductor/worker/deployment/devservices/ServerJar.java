package io.quarkiverse.conductor.worker.deployment.devservices;

import java.nio.file.Path;

import org.eclipse.aether.artifact.DefaultArtifact;
import org.jboss.logging.Logger;

import io.quarkus.bootstrap.resolver.maven.BootstrapMavenException;
import io.quarkus.bootstrap.resolver.maven.MavenArtifactResolver;

/**
 * Resolves the Conductor server's boot jar through Maven, with the user's settings and repositories, as Quarkus
 * resolves the application itself.
 */
public final class ServerJar {

    private static final Logger LOG = Logger.getLogger(ServerJar.class);

    public static final String GROUP_ID = "org.conductoross";
    public static final String ARTIFACT_ID = "conductor-server";
    public static final String CLASSIFIER = "boot";

    private ServerJar() {
    }

    /**
     * @throws IllegalStateException naming the artifact and how to get past the failure
     */
    public static Path resolve(String version) {
        DefaultArtifact artifact = new DefaultArtifact(GROUP_ID, ARTIFACT_ID, CLASSIFIER, "jar", version);
        try {
            MavenArtifactResolver resolver = MavenArtifactResolver.builder().setWorkspaceDiscovery(false).build();
            LOG.debugf("Resolving %s (about 460 MB when it is not in the local repository yet)", artifact);
            return resolver.resolve(artifact).getArtifact().getFile().toPath();
        } catch (BootstrapMavenException | RuntimeException e) {
            throw new IllegalStateException("Could not resolve " + artifact + " for the Conductor server of Dev Services: "
                    + e.getMessage() + ". Make it available (mvn dependency:get -Dartifact=" + GROUP_ID + ":" + ARTIFACT_ID
                    + ":" + version + ":jar:" + CLASSIFIER + "), or set quarkus.conductor.server-url to a running server",
                    e);
        }
    }
}

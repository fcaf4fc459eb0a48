package io.quarkiverse.conductor.worker.deployment.devservices;

import java.nio.file.Path;

import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.LocalArtifactRequest;
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
        MavenArtifactResolver resolver;
        try {
            resolver = MavenArtifactResolver.builder().setWorkspaceDiscovery(false).build();
        } catch (BootstrapMavenException | RuntimeException e) {
            throw failure(artifact(version), e);
        }
        return resolve(version, resolver);
    }

    /**
     * The first start downloads the jar, about 460 MB: said at INFO before and after, so that a start that takes minutes
     * does not look hung.
     */
    static Path resolve(String version, MavenArtifactResolver resolver) {
        Artifact artifact = artifact(version);
        try {
            boolean download = !isLocal(resolver, artifact);
            long started = System.nanoTime();
            if (download) {
                LOG.infof("Downloading %s for the Conductor server of Dev Services: about 460 MB, once (it is kept in"
                        + " the local Maven repository)", artifact);
            }
            Path jar = resolver.resolve(artifact).getArtifact().getFile().toPath();
            if (download) {
                LOG.infof("Downloaded %s in %d s", artifact, (System.nanoTime() - started) / 1_000_000_000L);
            }
            return jar;
        } catch (BootstrapMavenException | RuntimeException e) {
            throw failure(artifact, e);
        }
    }

    private static boolean isLocal(MavenArtifactResolver resolver, Artifact artifact) {
        RepositorySystemSession session = resolver.getSession();
        return session.getLocalRepositoryManager()
                .find(session, new LocalArtifactRequest(artifact, resolver.getRepositories(), null)).isAvailable();
    }

    private static Artifact artifact(String version) {
        return new DefaultArtifact(GROUP_ID, ARTIFACT_ID, CLASSIFIER, "jar", version);
    }

    private static IllegalStateException failure(Artifact artifact, Exception e) {
        return new IllegalStateException("Could not resolve " + artifact + " for the Conductor server of Dev Services: "
                + e.getMessage() + ". Make it available (mvn dependency:get -Dartifact=" + GROUP_ID + ":" + ARTIFACT_ID
                + ":" + artifact.getVersion() + ":jar:" + CLASSIFIER + "), or set quarkus.conductor.server-url to a"
                + " running server", e);
    }
}

package io.quarkiverse.conductor.worker.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.aether.repository.RemoteRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkus.bootstrap.resolver.maven.MavenArtifactResolver;

/**
 * The first start downloads the server jar (460 MB): it is said at INFO before and after, so that the start does not
 * look hung; once the jar is in the local repository, nothing is said. A small stand-in jar in a file repository takes
 * the place of the real one.
 */
class ServerJarDownloadLogTest {

    private static final String VERSION = "0.0.1-test";

    @TempDir
    Path directory;

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        Logger.getLogger(ServerJar.class.getName()).addHandler(handler);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger(ServerJar.class.getName()).removeHandler(handler);
    }

    @Test
    void downloadIsLoggedAtInfoOnlyWhenTheJarIsNotLocal() throws Exception {
        Path remote = remoteRepositoryWithServerJar();
        MavenArtifactResolver resolver = MavenArtifactResolver.builder()
                .setWorkspaceDiscovery(false)
                .setLocalRepository(directory.resolve("local").toString())
                .setRemoteRepositories(List.of(new RemoteRepository.Builder("stand-in", "default",
                        remote.toUri().toString()).build()))
                .build();

        Path downloaded = ServerJar.resolve(VERSION, resolver);

        assertThat(downloaded).exists().startsWith(directory.resolve("local"));
        assertThat(infos()).containsExactly(
                "Downloading org.conductoross:conductor-server:jar:boot:" + VERSION + " for the Conductor server of Dev"
                        + " Services: about 460 MB, once (it is kept in the local Maven repository)",
                "Downloaded org.conductoross:conductor-server:jar:boot:" + VERSION + " in 0 s");

        records.clear();
        assertThat(ServerJar.resolve(VERSION, resolver)).isEqualTo(downloaded);
        assertThat(infos()).isEmpty();
    }

    private List<String> infos() {
        return records.stream().filter(record -> record.getLevel().intValue() >= Level.INFO.intValue())
                .map(LogMessages::text).toList();
    }

    private Path remoteRepositoryWithServerJar() throws IOException {
        Path remote = directory.resolve("remote");
        Path versionDirectory = Files.createDirectories(remote.resolve("org/conductoross/conductor-server/" + VERSION));
        Files.writeString(versionDirectory.resolve("conductor-server-" + VERSION + "-boot.jar"), "not a real jar");
        return remote;
    }
}

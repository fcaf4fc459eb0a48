package io.quarkiverse.conductor.worker.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * WireMock servers standing in for a Conductor task API behind TLS, one of each kind per test JVM: its certificate is
 * issued for {@code localhost} by a private CA (the PEM files of {@code src/test/resources/tls}, made by
 * {@code src/test/tls/generate-certificates.sh}). The {@link Kind#MUTUAL_TLS} one also requires a client certificate
 * signed by that CA.
 * <p>
 * Like {@link SharedWireMock}, a server is found through system properties (a {@code QuarkusUnitTest} class is
 * initialized by two class loaders) and driven through WireMock's admin API, over plain HTTP on a port of its own; each
 * test class resets and stubs it once, before its application starts.
 */
public final class TlsWireMock {

    /** The kinds of server. */
    public enum Kind {
        /** HTTPS with a certificate of the private CA. */
        TLS,
        /** The same, and a client certificate of the private CA required. */
        MUTUAL_TLS
    }

    private static final char[] PASSWORD = "test-only".toCharArray();

    private TlsWireMock() {
    }

    /** The admin client of the {@code kind} server, reset and given {@code stubs} the first time {@code testClass} asks. */
    public static WireMock forTestClass(Kind kind, Class<?> testClass, Consumer<WireMock> stubs) {
        WireMock wiremock = new WireMock("localhost", ports(kind)[0]);
        String stubbed = "conductor.test.tls-wiremock.stubbed." + testClass.getName();
        synchronized (System.getProperties()) {
            if (System.getProperty(stubbed) == null) {
                System.setProperty(stubbed, "true");
                wiremock.resetMappings();
                wiremock.resetRequests();
                wiremock.resetScenarios();
                SharedWireMock.emptyPollsAndAcceptedUpdates(wiremock);
                stubs.accept(wiremock);
            }
        }
        return wiremock;
    }

    /** The port of the {@code kind} server's HTTPS listener. */
    public static int httpsPort(Kind kind) {
        return ports(kind)[1];
    }

    /** The base URL of the stand-in Conductor API, by the name its certificate is issued for. */
    public static String apiUrl(Kind kind) {
        return "https://localhost:" + httpsPort(kind) + "/api";
    }

    /** A PEM file of {@code src/test/resources/tls}, as a file path. */
    public static Path pem(String name) {
        return Path.of("src", "test", "resources", "tls", name).toAbsolutePath();
    }

    private static int[] ports(Kind kind) {
        String property = "conductor.test.tls-wiremock." + kind.name().toLowerCase(Locale.ROOT) + ".ports";
        synchronized (System.getProperties()) {
            String ports = System.getProperty(property);
            if (ports == null) {
                WireMockServer server = start(kind);
                ports = server.port() + "," + server.httpsPort();
                System.setProperty(property, ports);
            }
            String[] both = ports.split(",");
            return new int[] { Integer.parseInt(both[0]), Integer.parseInt(both[1]) };
        }
    }

    private static WireMockServer start(Kind kind) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "tls-wiremock"));
            Certificate ca = certificate("conductor-ca.crt");
            KeyStore keys = emptyStore();
            keys.setKeyEntry("server", privateKey("server.key"), PASSWORD,
                    new Certificate[] { certificate("server.crt"), ca });
            Path keyStore = save(keys, dir.resolve("server.p12"));
            WireMockConfiguration options = WireMockConfiguration.options().dynamicPort().dynamicHttpsPort()
                    .keystorePath(keyStore.toString()).keystoreType("PKCS12").keystorePassword(new String(PASSWORD))
                    .keyManagerPassword(new String(PASSWORD))
                    .containerThreads(32).asynchronousResponseEnabled(true).extensions(new PollAnswers());
            if (kind == Kind.MUTUAL_TLS) {
                KeyStore trusted = emptyStore();
                trusted.setCertificateEntry("ca", ca);
                Path trustStore = save(trusted, dir.resolve("client-ca.p12"));
                options.needClientAuth(true).trustStorePath(trustStore.toString()).trustStoreType("PKCS12")
                        .trustStorePassword(new String(PASSWORD));
            }
            WireMockServer server = new WireMockServer(options);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static Path save(KeyStore store, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }

    private static Certificate certificate(String name) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem(name))) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static PrivateKey privateKey(String name) throws IOException, GeneralSecurityException {
        // PKCS#8, as openssl genpkey writes it: base64 between the BEGIN and END lines
        String pem = Files.readString(pem(name), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }
}

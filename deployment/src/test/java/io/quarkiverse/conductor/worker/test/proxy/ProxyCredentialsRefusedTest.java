package io.quarkiverse.conductor.worker.test.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.runtime.poll.WorkerPollers;
import io.quarkiverse.conductor.worker.test.ForwardProxy;
import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A proxy that refuses the configured credentials ({@code 407}): one ERROR for all the workers, naming the proxy
 * properties to fix, and never the password; polling goes on with back-off.
 */
class ProxyCredentialsRefusedTest {

    private static final String PROXY = "strict";

    static final int proxyPort = ForwardProxy.start(PROXY, "worker", "the-right-one",
            URI.create(SharedWireMock.apiUrl()).getPort());

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(
                    jar -> jar.addClasses(Workers.class, ForwardProxy.class, SharedWireMock.class, LogMessages.class))
            // the workers' polls are what is told here; the registration's own WARN: RegistrationOverAnUntrustedCertificateTest
            .overrideConfigKey("quarkus.conductor.registration.mode", "none")
            .overrideConfigKey("quarkus.conductor.server-url", "http://conductor.example.com/api")
            .overrideConfigKey("quarkus.conductor.proxy-configuration-name", "strict")
            .overrideConfigKey("quarkus.proxy.strict.host", "localhost")
            .overrideConfigKey("quarkus.proxy.strict.port", String.valueOf(proxyPort))
            .overrideConfigKey("quarkus.proxy.strict.username", "worker")
            .overrideConfigKey("quarkus.proxy.strict.password", "an-old-one")
            .overrideConfigKey("quarkus.conductor.retry.initial-backoff", "10ms")
            .overrideConfigKey("quarkus.conductor.retry.max-backoff", "40ms")
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
            .assertLogRecords(ProxyCredentialsRefusedTest::oneErrorNamingTheProxyProperties);

    @Inject
    WorkerPollers pollers;

    @Test
    void pollingGoesOn() {
        await().atMost(Duration.ofSeconds(20)).until(
                () -> pollers.stats("first").polls() >= 5 && pollers.stats("second").polls() >= 5);
        assertThat(ForwardProxy.requests(PROXY)).hasSizeGreaterThanOrEqualTo(10);
    }

    private static void oneErrorNamingTheProxyProperties(List<LogRecord> records) {
        assertThat(records).extracting(LogMessages::text).hasSize(1);
        assertThat(records.get(0).getLevel()).isEqualTo(Level.SEVERE);
        assertThat(LogMessages.text(records.get(0)))
                .startsWith("Cannot connect to the Conductor server at http://conductor.example.com/api")
                .contains("the proxy refused the request for want of credentials (407 Proxy Authentication Required)")
                .contains("quarkus.conductor.proxy-configuration-name", "quarkus.proxy.\"<name>\".username")
                .doesNotContain("an-old-one");
    }

    static class Workers {
        @ConductorWorker("first")
        void first() {
        }

        @ConductorWorker("second")
        void second() {
        }
    }
}

package io.quarkiverse.conductor.worker.test.observability;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkiverse.conductor.worker.test.startup.PausedUntilTheApplicationStartedTest;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The production guide's recipe (start paused, resume at the end of the start-up), the application of
 * {@link PausedUntilTheApplicationStartedTest}, with Micrometer: there the pollers start once the meter registries are
 * in place, which can be after the application's start-up observers; a resume asked for before the pollers exist is
 * applied when they start, not ignored.
 */
class PausedUntilTheApplicationStartedWithMetricsTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(PausedUntilTheApplicationStartedWithMetricsTest.class,
            stubs -> SharedWireMock.pollOnceReturns(stubs, "price_lookup",
                    "[" + SharedWireMock.task("t-1", "price_lookup", "{\"sku\": \"X-1\"}") + "]"));

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(PausedUntilTheApplicationStartedTest.Cache.class,
                    PausedUntilTheApplicationStartedTest.Startup.class, PausedUntilTheApplicationStartedTest.Prices.class,
                    PausedUntilTheApplicationStartedTest.Price.class, SharedWireMock.class, PollAnswers.class)
                    .addAsResource(new StringAsset(PausedUntilTheApplicationStartedTest.GUIDE), "application.properties"))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Test
    void theFirstTaskFindsWhatTheStartUpPrepared() {
        PausedUntilTheApplicationStartedTest.assertTheFirstTaskFoundThePrice(wiremock);
    }
}

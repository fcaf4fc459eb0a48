package io.quarkiverse.conductor.worker.test.startup;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.ConductorWorkers;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The production guide's recipe, as written there, for a worker that needs what the application's start-up code
 * prepares: the workers start paused, and the start-up code resumes them once it is done. The first task finds the
 * cache loaded; without the recipe, the first poll goes out before the observer runs, and its task may not. The
 * application's classes serve the same recipe with metrics ({@code PausedUntilTheApplicationStartedWithMetricsTest}).
 */
public class PausedUntilTheApplicationStartedTest {

    /** The guide's properties line, word for word. */
    public static final String GUIDE = """
            quarkus.conductor.worker.paused=true
            """;

    static final WireMock wiremock = SharedWireMock.forTestClass(PausedUntilTheApplicationStartedTest.class,
            stubs -> SharedWireMock.pollOnceReturns(stubs, "price_lookup",
                    "[" + SharedWireMock.task("t-1", "price_lookup", "{\"sku\": \"X-1\"}") + "]"));

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Cache.class, Startup.class, Prices.class, SharedWireMock.class,
                    PollAnswers.class).addAsResource(new StringAsset(GUIDE), "application.properties"))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms");

    @Test
    void theFirstTaskFindsWhatTheStartUpPrepared() {
        assertTheFirstTaskFoundThePrice(wiremock);
    }

    /** The task the stub hands out completed with the price the start-up loaded. */
    public static void assertTheFirstTaskFoundThePrice(WireMock wiremock) {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/tasks"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-1")))
                        .withRequestBody(matchingJsonPath("$.status", equalTo("COMPLETED")))
                        .withRequestBody(matchingJsonPath("$.outputData.price", equalTo("2.5")))));
    }

    @ApplicationScoped
    public static class Cache {
        private final Map<String, Double> prices = new ConcurrentHashMap<>();

        void load() {
            prices.put("X-1", 2.5);
        }

        double price(String sku) {
            Double price = prices.get(sku);
            if (price == null) {
                throw new IllegalStateException("the cache is not loaded");
            }
            return price;
        }
    }

    public static class Startup {
        Cache cache;

        Startup(Cache cache) {
            this.cache = cache;
        }

        // the guide's observer, as written there
        void start(@Observes StartupEvent event, ConductorWorkers workers) {
            cache.load();
            workers.resumeAll();
        }
    }

    public record Price(double price) {
    }

    public static class Prices {
        Cache cache;

        Prices(Cache cache) {
            this.cache = cache;
        }

        @ConductorWorker("price_lookup")
        Price priceLookup(String sku) {
            return new Price(cache.price(sku));
        }
    }
}

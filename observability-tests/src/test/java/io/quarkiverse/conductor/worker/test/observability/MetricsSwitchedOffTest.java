package io.quarkiverse.conductor.worker.test.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/** With {@code quarkus.conductor.metrics.enabled=false}, the workers publish no metric; the application's others stay. */
class MetricsSwitchedOffTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class))
            .overrideConfigKey("quarkus.conductor.metrics.enabled", "false")
            .overrideConfigKey("quarkus.conductor.server-url", "http://localhost:9/api")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @TestHTTPResource("/q/metrics")
    URI metrics;

    @Test
    void noWorkerMetric() throws Exception {
        String scraped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(scraped).contains("jvm_").doesNotContain("task_poll", "active_workers", "task_execute");
    }

    static class Workers {
        @ConductorWorker("unmeasured")
        void unmeasured() {
        }
    }
}

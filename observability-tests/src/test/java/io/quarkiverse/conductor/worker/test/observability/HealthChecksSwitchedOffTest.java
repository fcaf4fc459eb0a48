package io.quarkiverse.conductor.worker.test.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/** With {@code quarkus.conductor.health.enabled=false}, the application's health has no check of the workers. */
class HealthChecksSwitchedOffTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, Health.class))
            .overrideConfigKey("quarkus.conductor.health.enabled", "false")
            .overrideConfigKey("quarkus.conductor.worker.enabled", "false")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @TestHTTPResource("/q/health")
    URI health;

    @Test
    void noCheckOfTheWorkers() throws Exception {
        assertThat(Health.read(health).path("status").asText()).isEqualTo("UP");
        assertThat(Health.check(Health.read(health), "Conductor workers").isMissingNode()).isTrue();
        assertThat(Health.check(Health.read(health), "Conductor workers polling").isMissingNode()).isTrue();
    }

    static class Workers {
        @ConductorWorker("quiet")
        void quiet() {
        }
    }
}

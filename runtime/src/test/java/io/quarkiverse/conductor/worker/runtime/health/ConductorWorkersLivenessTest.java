package io.quarkiverse.conductor.worker.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import io.quarkiverse.conductor.worker.runtime.config.ConductorConfig;
import io.quarkiverse.conductor.worker.runtime.config.RetryConfig;
import io.quarkiverse.conductor.worker.runtime.poll.WorkerPollers;

class ConductorWorkersLivenessTest {

    /** Pollers of which {@code stuck} are stuck, and that record how long they were asked about. */
    static final class Pollers extends WorkerPollers {
        final List<String> stuck;
        Duration askedFor;

        Pollers(List<String> stuck) {
            this.stuck = stuck;
        }

        @Override
        public List<String> stuck(Duration quiet) {
            askedFor = quiet;
            return stuck;
        }
    }

    private static ConductorWorkersLiveness liveness(Pollers pollers) {
        RetryConfig retry = (RetryConfig) Proxy.newProxyInstance(RetryConfig.class.getClassLoader(),
                new Class<?>[] { RetryConfig.class }, (proxy, method, args) -> Duration.ofSeconds(10));
        ConductorConfig config = (ConductorConfig) Proxy.newProxyInstance(ConductorConfig.class.getClassLoader(),
                new Class<?>[] { ConductorConfig.class }, (proxy, method, args) -> retry);
        ConductorWorkersLiveness liveness = new ConductorWorkersLiveness();
        liveness.pollers = pollers;
        liveness.config = config;
        return liveness;
    }

    @Test
    void aliveWhenNoWorkerIsStuck() {
        Pollers pollers = new Pollers(List.of());

        HealthCheckResponse response = liveness(pollers).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        // three times the longest wait between two polls: the 5 s long poll and the 10 s back-off
        assertThat(pollers.askedFor).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void downNamingTheStuckWorkers() {
        HealthCheckResponse response = liveness(new Pollers(List.of("orders", "invoices"))).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("stuck",
                "orders, invoices"));
    }
}

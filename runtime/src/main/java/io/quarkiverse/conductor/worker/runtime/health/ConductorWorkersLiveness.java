package io.quarkiverse.conductor.worker.runtime.health;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import io.quarkiverse.conductor.worker.runtime.config.ConductorConfig;
import io.quarkiverse.conductor.worker.runtime.poll.WorkerPollers;

/**
 * Alive unless a worker is stuck: it has a free slot, yet sent no poll for three times its longest wait between
 * polls (the longest long poll plus the longest back-off), with none open or planned. Only what a restart fixes makes it
 * DOWN: never a server that is down, which a restart would not bring back.
 */
@Liveness
@Singleton
public class ConductorWorkersLiveness implements HealthCheck {

    /** Not the readiness check's name: {@code /q/health} lists both, and an operator must tell them apart. */
    static final String NAME = "Conductor workers polling";

    /** Conductor servers hold a poll for at most this long. */
    private static final Duration LONGEST_LONG_POLL = Duration.ofSeconds(5);

    @Inject
    WorkerPollers pollers;

    @Inject
    ConductorConfig config;

    @Override
    public HealthCheckResponse call() {
        Duration quiet = LONGEST_LONG_POLL.plus(config.retry().maxBackoff()).multipliedBy(3);
        List<String> stuck = pollers.stuck(quiet);
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        if (!stuck.isEmpty()) {
            response.down().withData("stuck", String.join(", ", stuck)).withData("problem",
                    "these workers have free slots but sent no poll for " + quiet.toSeconds() + " s");
        }
        return response.build();
    }
}

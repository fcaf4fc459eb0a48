package io.quarkiverse.conductor.worker.runtime.health;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.conductor.worker.ConductorWorkers;
import io.quarkiverse.conductor.worker.WorkerInfo;
import io.quarkiverse.conductor.worker.runtime.config.ConductorConfig;
import io.quarkiverse.conductor.worker.runtime.poll.ServerAvailability;
import io.quarkiverse.conductor.worker.runtime.poll.WorkerPollers;

/**
 * Ready while the workers can work: DOWN when the Conductor server has not answered for longer than
 * {@code quarkus.conductor.health.unanswered-after}, or refuses the credentials. Its data names the server (without
 * credentials) and each worker's state.
 */
@Readiness
@Singleton
public class ConductorWorkersReadiness implements HealthCheck {

    static final String NAME = "Conductor workers";

    @Inject
    ConductorWorkers workers;

    @Inject
    WorkerPollers pollers;

    @Inject
    ConductorConfig config;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        for (WorkerInfo worker : workers.workers()) {
            response.withData(worker.taskName(), worker.state().name().toLowerCase().replace('_', ' '));
        }
        ServerAvailability availability = pollers.availability();
        if (availability == null) {
            return response.withData("server", "no worker polls").build();
        }
        response.withData("server", availability.server());
        Duration unanswered = availability.unansweredFor();
        Duration limit = config.health().unansweredAfter();
        if (unanswered.compareTo(limit) > 0) {
            response.down().withData("problem", "the server has not answered for " + unanswered.toSeconds() + " s");
        }
        String refusal = availability.refusal();
        if (refusal != null) {
            response.down().withData("problem", "the server refuses the credentials: " + refusal);
        }
        return response.build();
    }
}

package io.quarkiverse.conductor.worker.runtime.client;

import java.net.URI;
import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.conductor.worker.runtime.config.ConductorConfig;
import io.quarkiverse.conductor.worker.runtime.poll.EffectiveWorkerSettings;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.core.Vertx;

@Singleton
public class TaskApiClientProducer {

    @Inject
    Vertx vertx;

    private void renewPeriodically(AccessToken token, Duration interval) {
        vertx.setPeriodic(interval.toMillis(), id -> token.renewInBackground());
    }

    /** Room for the application's own {@code TaskClient} calls besides the workers'. */
    private static final int MIN_CONNECTIONS = 20;

    @Produces
    @Singleton
    TaskApiClient taskApiClient(ConductorConfig config, EffectiveWorkerSettings workers) {
        long longestPoll = workers.all().stream().mapToLong(settings -> settings.longPollTimeout().toMillis()).max()
                .orElse(0);
        if (config.readTimeout().toMillis() <= longestPoll) {
            throw new ConfigurationException("quarkus.conductor.read-timeout is " + config.readTimeout()
                    + ", which would cut long polls of up to " + longestPoll + " ms short: set it longer than the longest"
                    + " long-poll-timeout");
        }
        URI serverUrl = ServerUrl.resolve(config);
        AccessToken token = AccessToken.fromConfig(config, serverUrl);
        if (token != null) {
            renewPeriodically(token, config.auth().tokenRefreshInterval());
        }
        return new TaskApiClient(serverUrl, config.connectTimeout(), config.readTimeout(),
                Math.max(MIN_CONNECTIONS, workers.connectionsNeeded()), token);
    }
}

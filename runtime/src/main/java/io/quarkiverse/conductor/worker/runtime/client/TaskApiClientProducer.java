package io.quarkiverse.conductor.worker.runtime.client;

import java.net.URI;
import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.conductor.worker.runtime.config.ConductorConfig;
import io.quarkiverse.conductor.worker.runtime.poll.Backoff;
import io.quarkiverse.conductor.worker.runtime.poll.EffectiveWorkerSettings;
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
        URI serverUrl = ServerUrl.resolve(config);
        Backoff backoff = new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff());
        AccessToken token = AccessToken.fromConfig(config, serverUrl,
                (delay, action) -> vertx.setTimer(Math.max(1, delay), id -> action.run()),
                failures -> backoff.delayMillis((int) Math.min(failures, Integer.MAX_VALUE)));
        if (token != null) {
            token.obtain(config.connectTimeout());
            renewPeriodically(token, config.auth().tokenRefreshInterval());
        }
        return new TaskApiClient(serverUrl, config.connectTimeout(), config.readTimeout(),
                Math.max(MIN_CONNECTIONS, workers.connectionsNeeded()), token);
    }
}

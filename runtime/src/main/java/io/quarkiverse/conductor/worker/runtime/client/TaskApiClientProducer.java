package io.quarkiverse.conductor.worker.runtime.client;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkiverse.conductor.worker.runtime.config.ConductorConfig;
import io.quarkiverse.conductor.worker.runtime.poll.EffectiveWorkerSettings;
import io.quarkus.runtime.configuration.ConfigurationException;

@Singleton
public class TaskApiClientProducer {

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
        return new TaskApiClient(ServerUrl.resolve(config), config.connectTimeout(), config.readTimeout(),
                Math.max(MIN_CONNECTIONS, workers.connectionsNeeded()));
    }
}

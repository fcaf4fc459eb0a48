package io.quarkiverse.conductor.worker.runtime.client;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.proxy.ProxyConfiguration;

/**
 * How the REST clients of the Conductor API connect: timeouts, connection pool, proxy.
 *
 * @param proxy the proxy to go through; empty for the REST client's own proxy settings
 */
public record ClientOptions(Duration connectTimeout, Duration readTimeout, int connectionPoolSize,
        Optional<ProxyConfiguration> proxy) {

    /** The same options with another pool size. */
    ClientOptions withConnectionPoolSize(int size) {
        return new ClientOptions(connectTimeout, readTimeout, size, proxy);
    }
}

package io.quarkiverse.conductor.worker.runtime.client;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.proxy.ProxyConfiguration;
import io.quarkus.tls.TlsConfiguration;

/**
 * How the clients of the Conductor API connect: timeouts, connection pool, proxy and TLS.
 *
 * @param keepAliveTimeout how long a pooled connection may stay idle before it is closed, in whole seconds
 * @param proxy the proxy to go through; empty for none (the task API) or the REST client's own settings (the others)
 * @param tls the TLS configuration; empty for the JVM's default trust store
 */
public record ClientOptions(Duration connectTimeout, Duration readTimeout, int connectionPoolSize,
        Duration keepAliveTimeout, Optional<ProxyConfiguration> proxy, Optional<TlsConfiguration> tls) {

    /** The same options with another pool size. */
    ClientOptions withConnectionPoolSize(int size) {
        return new ClientOptions(connectTimeout, readTimeout, size, keepAliveTimeout, proxy, tls);
    }

    /** The keep-alive timeout as Vert.x takes it: whole seconds. */
    int keepAliveSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, keepAliveTimeout.toSeconds());
    }
}

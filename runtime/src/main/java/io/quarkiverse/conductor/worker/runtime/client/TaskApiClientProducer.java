package io.quarkiverse.conductor.worker.runtime.client;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.conductor.worker.runtime.config.ConductorConfig;
import io.quarkus.proxy.ProxyConfiguration;
import io.quarkus.proxy.ProxyConfigurationRegistry;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.vertx.core.Vertx;

@Singleton
public class TaskApiClientProducer {

    @Inject
    Vertx vertx;

    private void renewPeriodically(AccessToken token, Duration interval) {
        vertx.setPeriodic(interval.toMillis(), id -> token.renewInBackground());
    }

    @Inject
    Instance<ProxyConfigurationRegistry> proxies;

    @Inject
    Instance<TlsConfigurationRegistry> tlsConfigurations;

    @Produces
    @Singleton
    TaskApiClient taskApiClient(ConductorConfig config, ConnectionPool pool) {
        URI serverUrl = ServerUrl.resolve();
        ClientOptions options = new ClientOptions(config.connectTimeout(), config.readTimeout(), pool.size(),
                pool.keepAliveTimeout(), proxy(config), tls(config));
        Backoff backoff = new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff());
        AccessToken token = AccessToken.fromConfig(config, vertx, serverUrl, options,
                (delay, action) -> vertx.setTimer(Math.max(1, delay), id -> action.run()),
                failures -> backoff.delayMillis((int) Math.min(failures, Integer.MAX_VALUE)));
        PlainHttpCredentials.warnIfExposed(serverUrl, token != null);
        if (token != null) {
            token.obtain(config.connectTimeout());
            renewPeriodically(token, config.auth().tokenRefreshInterval());
        }
        return new TaskApiClient(vertx, serverUrl, options, token);
    }

    /** The named TLS configuration, else the default one of the TLS registry, if any. */
    private Optional<TlsConfiguration> tls(ConductorConfig config) {
        TlsConfigurationRegistry registry = tlsConfigurations.get();
        Optional<String> name = config.tlsConfigurationName();
        if (name.isEmpty()) {
            return registry.getDefault();
        }
        return Optional.of(registry.get(name.get()).orElseThrow(() -> new ConfigurationException(
                "quarkus.conductor.tls-configuration-name is '" + name.get() + "', but the TLS registry has no"
                        + " configuration of that name: define quarkus.tls.\"" + name.get() + "\".trust-store... (see the"
                        + " Quarkus TLS registry guide)")));
    }

    /** The named proxy configuration, else the default one of the proxy registry, if any; none for {@code none}. */
    private Optional<ProxyConfiguration> proxy(ConductorConfig config) {
        Optional<String> name = config.proxyConfigurationName();
        try {
            return proxies.get().get(name);
        } catch (IllegalStateException e) {
            throw new ConfigurationException("quarkus.conductor.proxy-configuration-name is '" + name.get() + "', but no"
                    + " proxy configuration has that name: define quarkus.proxy.\"" + name.get() + "\".host and port, or"
                    + " use none for no proxy", e);
        }
    }
}

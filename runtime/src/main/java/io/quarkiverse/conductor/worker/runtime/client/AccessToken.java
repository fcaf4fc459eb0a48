package io.quarkiverse.conductor.worker.runtime.client;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.conductor.worker.runtime.config.ConductorConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.mutiny.Uni;

/**
 * The token requests to the server carry, obtained with the application access key and renewed periodically and
 * whenever the server refuses it. One renewal runs at a time. Neither the secret nor the token is ever logged.
 */
public final class AccessToken {

    private static final Logger LOG = Logger.getLogger(AccessToken.class);

    public static final String KEY_VARIABLE = "CONDUCTOR_AUTH_KEY";
    public static final String SECRET_VARIABLE = "CONDUCTOR_AUTH_SECRET";

    private final ConductorTokenApi api;
    private final ConductorTokenApi.KeyRequest key;
    private volatile String token;
    private volatile boolean renewing;
    private volatile boolean failing;

    /**
     * The access token of the configured key, its first value obtained; {@code null} when no key is configured.
     *
     * @throws ConfigurationException when only half of the key is configured
     */
    public static AccessToken fromConfig(ConductorConfig config, URI serverUrl) {
        Optional<String> keyId = config.auth().keyId().or(() -> environment(KEY_VARIABLE));
        Optional<String> keySecret = config.auth().keySecret().or(() -> environment(SECRET_VARIABLE));
        if (keyId.isEmpty() && keySecret.isEmpty()) {
            return null;
        }
        if (keyId.isEmpty() || keySecret.isEmpty()) {
            throw new ConfigurationException("An application access key needs both an id and a secret: set"
                    + " quarkus.conductor.auth.key-id and quarkus.conductor.auth.key-secret (or " + KEY_VARIABLE + " and "
                    + SECRET_VARIABLE + "); only the " + (keyId.isEmpty() ? "secret" : "id") + " is set");
        }
        ConductorTokenApi api = TaskApiClient.builder(serverUrl, config.connectTimeout(), config.readTimeout(), 2)
                .build(ConductorTokenApi.class);
        AccessToken token = new AccessToken(api, keyId.get(), keySecret.get());
        // bounded: a slow token endpoint must not hold the start-up; a later 401 renews the token anyway
        token.obtain(config.connectTimeout());
        return token;
    }

    private static Optional<String> environment(String name) {
        // read through the config so that a system property or .env entry named like the variable counts too
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).filter(value -> !value.isBlank());
    }

    AccessToken(ConductorTokenApi api, String keyId, String keySecret) {
        this.api = api;
        this.key = new ConductorTokenApi.KeyRequest(keyId, keySecret);
    }

    /** The current token, or {@code null} if none could be obtained yet. */
    String current() {
        return token;
    }

    /** Obtains the first token, waiting at most {@code timeout}; a failure is logged, and renewals keep trying. */
    void obtain(Duration timeout) {
        try {
            renew().await().atMost(timeout);
        } catch (RuntimeException e) {
            // logged by renew()
        }
    }

    /** The id of the key, which is no secret: to name it in messages. */
    String keyId() {
        return key.keyId();
    }

    /** Renews the token, unless {@code refused} is not the current token any more (it was renewed since). */
    void renewUnlessNewerThan(String refused) {
        String current = token;
        if (current == null || current.equals(refused)) {
            renewInBackground();
        }
    }

    /** Renews the token unless a renewal is under way. */
    void renewInBackground() {
        if (!renewing) {
            renew().subscribe().with(ignored -> {
            }, ignored -> {
            });
        }
    }

    private Uni<String> renew() {
        renewing = true;
        return api.token(key)
                .map(ConductorTokenApi.TokenResponse::token)
                .invoke(fresh -> {
                    token = fresh;
                    if (failing) {
                        failing = false;
                        LOG.infof("Obtained an access token for key %s again", key.keyId());
                    }
                })
                .onFailure().invoke(failure -> {
                    if (!failing) {
                        failing = true;
                        LOG.warnf("Cannot obtain an access token for key %s: %s; requests will be refused until it"
                                + " works", key.keyId(), TaskApiClient.describe(failure));
                    }
                })
                .onTermination().invoke(() -> renewing = false);
    }
}

package io.quarkiverse.conductor.worker.runtime.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongUnaryOperator;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.conductor.worker.runtime.client.ConductorHttp.Answer;
import io.quarkiverse.conductor.worker.runtime.config.ConductorConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.tls.TlsConfiguration;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * The token requests to the server carry, obtained with the application access key and renewed periodically and
 * whenever the server refuses it. One renewal runs at a time; a renewal that fails is tried again with back-off until it
 * works (the application never stops for it). Neither the secret nor the token is ever logged.
 */
public final class AccessToken {

    private static final Logger LOG = Logger.getLogger(AccessToken.class);

    public static final String KEY_VARIABLE = "CONDUCTOR_AUTH_KEY";
    public static final String SECRET_VARIABLE = "CONDUCTOR_AUTH_SECRET";

    /** Runs an action after a delay in milliseconds: the Vert.x timer in the application, a fake in tests. */
    public interface Scheduler {
        void later(long delayMillis, Runnable action);
    }

    /**
     * The token endpoint ({@code POST /api/token}): sends the key, as JSON, and completes with the server's answer, or
     * fails with a {@link RequestFailure} when there is none. The server's Vert.x client in the application, a fake in
     * tests.
     */
    interface Endpoint {
        Uni<Answer> exchange(byte[] key);
    }

    /** The key to exchange; its {@code toString} hides the secret. */
    public record KeyRequest(String keyId, String keySecret) {
        @Override
        public String toString() {
            return "KeyRequest[" + keyId + "]";
        }
    }

    /** The server's answer. */
    public record TokenResponse(String token) {
        @Override
        public String toString() {
            return "TokenResponse[...]";
        }
    }

    private final Endpoint api;
    private final KeyRequest key;
    private final Scheduler scheduler;
    private final LongUnaryOperator backoff;
    private final AtomicBoolean renewing = new AtomicBoolean();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile String token;

    /**
     * The access token of the configured key, not obtained yet; {@code null} when no key is configured.
     *
     * @param backoff the wait in milliseconds before the n-th retry of a failed renewal
     * @throws ConfigurationException when only half of the key is configured
     */
    public static AccessToken fromConfig(ConductorConfig config, Vertx vertx, URI serverUrl, ClientOptions options,
            Scheduler scheduler, LongUnaryOperator backoff) {
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
        // a connection of its own, which carries no token; the task API's sorting of failures (a TLS problem or a proxy
        // refusal told with what to set). ConductorHttp never logs headers nor bodies: neither the secret nor the token
        ConductorHttp http = new ConductorHttp(vertx, serverUrl, options.withConnectionPoolSize(2), null);
        Optional<TlsConfiguration> tls = options.tls();
        Endpoint api = key -> Uni.createFrom().deferred(() -> TaskApiClient.uni(
                TaskApiClient.sorted(http.post("/token", "application/json", key), tls)));
        return new AccessToken(api, keyId.get(), keySecret.get(), scheduler, backoff);
    }

    private static Optional<String> environment(String name) {
        // read through the config so that a system property or .env entry named like the variable counts too
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).filter(value -> !value.isBlank());
    }

    AccessToken(Endpoint api, String keyId, String keySecret, Scheduler scheduler, LongUnaryOperator backoff) {
        this.api = api;
        this.key = new KeyRequest(keyId, keySecret);
        this.scheduler = scheduler;
        this.backoff = backoff;
    }

    /** The current token, or {@code null} if none could be obtained yet. */
    String current() {
        return token;
    }

    /**
     * Obtains the first token, waiting at most {@code timeout}: a slow token endpoint must not hold the start-up. A
     * failure is logged, and renewals keep trying in the background.
     */
    public void obtain(Duration timeout) {
        if (!renewing.compareAndSet(false, true)) {
            return;
        }
        try {
            renew().await().atMost(timeout);
        } catch (RuntimeException e) {
            // logged by renew(), which tries again later
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
    public void renewInBackground() {
        if (renewing.compareAndSet(false, true)) {
            renew().subscribe().with(ignored -> {
            }, ignored -> {
            });
        }
    }

    /** Called by the one caller that set {@link #renewing}; clears it when done. */
    private Uni<String> renew() {
        return api.exchange(ConductorJson.write(key))
                .map(answer -> {
                    if (!answer.isSuccessful()) {
                        throw TaskApiClient.refused(answer);
                    }
                    try {
                        TokenResponse response = ConductorJson.read(answer.body(), TokenResponse.class);
                        if (response == null || response.token() == null || response.token().isBlank()) {
                            throw new IOException("no token in the answer");
                        }
                        return response.token();
                    } catch (IOException | RuntimeException e) {
                        // the answer may hold a token: never quote it
                        throw new RequestFailure(RequestFailure.Kind.UNREADABLE, answer.status(),
                                "the answer of POST /token is not the expected {\"token\": ...}", null);
                    }
                })
                .invoke(fresh -> {
                    token = fresh;
                    if (failures.getAndSet(0) > 0) {
                        LOG.infof("Obtained an access token for key %s again", key.keyId());
                    }
                    renewing.set(false);
                })
                .onFailure().invoke(failure -> {
                    int failed = failures.incrementAndGet();
                    if (failed == 1) {
                        LOG.warnf("Cannot obtain an access token for key %s: %s; requests are refused until it works,"
                                + " and it is tried again with back-off", key.keyId(), TaskApiClient.describe(failure));
                    } else {
                        LOG.debugf("Still cannot obtain an access token for key %s: %s", key.keyId(),
                                TaskApiClient.describe(failure));
                    }
                    // still "renewing" until the retry runs: refusals in between do not start another renewal
                    scheduler.later(backoff.applyAsLong(failed), () -> renew().subscribe().with(ignored -> {
                    }, ignored -> {
                    }));
                })
                // a start-up that stopped waiting gave up the request: the next refusal or period renews again
                .onCancellation().invoke(() -> renewing.set(false));
    }
}

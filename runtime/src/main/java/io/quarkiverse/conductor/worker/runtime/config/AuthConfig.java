package io.quarkiverse.conductor.worker.runtime.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.WithDefault;

/**
 * Authentication with an application access key, as Orkes Conductor requires (Conductor OSS requires none): the key is
 * exchanged for a token at {@code POST /api/token}, and every request carries the token in {@code X-Authorization}.
 */
public interface AuthConfig {

    /**
     * The id of the application access key. When not set, the `CONDUCTOR_AUTH_KEY` environment variable (the one the
     * Conductor SDKs read) is used. Without a key, requests carry no token.
     */
    Optional<String> keyId();

    /**
     * The secret of the application access key; the `CONDUCTOR_AUTH_SECRET` environment variable when not set. It is
     * never logged.
     */
    Optional<String> keySecret();

    /**
     * How often the token is renewed. A request refused with `401` renews it at once, too.
     */
    @WithDefault("30m")
    Duration tokenRefreshInterval();
}

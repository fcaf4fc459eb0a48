package io.quarkiverse.conductor.worker.runtime.client;

import java.net.URI;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/** The REST clients of the Conductor API besides the task API's, built with the same settings and token. */
final class ConductorApiClients {

    private ConductorApiClients() {
    }

    static <T> T build(URI serverUrl, ClientOptions options, AccessToken token, Class<T> api) {
        QuarkusRestClientBuilder builder = TaskApiClient.builder(serverUrl, options);
        if (token != null) {
            builder.register(new AccessTokenFilter(token));
        }
        return builder.build(api);
    }
}

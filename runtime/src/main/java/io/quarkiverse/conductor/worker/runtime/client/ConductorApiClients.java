package io.quarkiverse.conductor.worker.runtime.client;

import java.net.URI;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/** The REST client of the workflow API, built with the task API's settings and token. */
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

package io.quarkiverse.conductor.worker.runtime.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends the user info of the server URL ({@code https://user:password@host/api}) as Basic authentication on the REST
 * client's requests, as the task API's client does: the REST client would drop it.
 */
final class BasicAuthorizationFilter implements ClientRequestFilter {

    private final String authorization;

    /** @param authorization the header's value, from {@link ServerUrl#basicAuthorization} */
    BasicAuthorizationFilter(String authorization) {
        this.authorization = authorization;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, authorization);
    }

    @Override
    public String toString() {
        // never the credentials, should anything print the filter
        return "BasicAuthorizationFilter[...]";
    }
}

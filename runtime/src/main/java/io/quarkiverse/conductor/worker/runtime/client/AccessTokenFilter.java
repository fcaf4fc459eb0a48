package io.quarkiverse.conductor.worker.runtime.client;

import java.io.IOException;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

/**
 * Puts the access token on every request to the task API, and renews it when the server refuses it ({@code 401}, or
 * {@code 403} from servers that answer an expired token so); the refused request is retried by its caller.
 */
final class AccessTokenFilter implements ClientRequestFilter, ClientResponseFilter {

    static final String HEADER = "X-Authorization";

    private final AccessToken token;

    AccessTokenFilter(AccessToken token) {
        this.token = token;
    }

    @Override
    public void filter(ClientRequestContext request) {
        String current = token.current();
        if (current != null) {
            request.getHeaders().putSingle(HEADER, current);
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) throws IOException {
        if (response.getStatus() == 401 || response.getStatus() == 403) {
            // several requests may carry the same expired token: the first refusal renews it, the others find it done
            token.renewUnlessNewerThan(request.getHeaderString(HEADER));
        }
    }
}

package io.quarkiverse.conductor.worker.runtime.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/**
 * Exchanges an application access key for a token ({@code POST /api/token}). Like the task API, bodies are bytes
 * written and read by {@link ConductorJson}.
 */
@Path("/token")
public interface ConductorTokenApi {

    /** The key to exchange; its {@code toString} hides the secret. */
    record KeyRequest(String keyId, String keySecret) {
        @Override
        public String toString() {
            return "KeyRequest[" + keyId + "]";
        }
    }

    record TokenResponse(String token) {
        @Override
        public String toString() {
            return "TokenResponse[...]";
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<RestResponse<byte[]>> token(byte[] key);
}

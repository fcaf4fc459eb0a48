package io.quarkiverse.conductor.worker.test.observability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the application's health endpoints. */
final class Health {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Health() {
    }

    /** The health document at {@code endpoint} ({@code /q/health/ready}, say). */
    static JsonNode read(URI endpoint) throws Exception {
        return JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /** The check named {@code name} in a health document, or a missing node. */
    static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check;
            }
        }
        return health.path("no such check");
    }
}

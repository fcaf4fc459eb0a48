package io.quarkiverse.conductor.worker.test.devservices;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.conductor.worker.test.LogMessages;

/**
 * The Conductor server Dev Services started for a dev mode test, found as a user finds it: in the log line that
 * announces it. Read and written with plain HTTP, as {@code curl} would.
 */
final class DevServicesServer {

    private static final Pattern ANNOUNCED = Pattern
            .compile("Dev Services (?:started a|use the) Conductor server \\S+ at ([^;,\\s]+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String apiUrl;

    private DevServicesServer(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    /** The server announced in {@code records}, or {@code null} if none was. */
    static DevServicesServer announcedIn(List<LogRecord> records) {
        for (LogRecord record : records) {
            Matcher matcher = ANNOUNCED.matcher(LogMessages.text(record));
            if (matcher.find()) {
                return new DevServicesServer(matcher.group(1));
            }
        }
        return null;
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(apiUrl + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(apiUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Any request to the application makes dev mode look for changes and restart. */
    static void touchApplication() throws IOException, InterruptedException {
        HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:8080/")).timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.discarding());
    }
}

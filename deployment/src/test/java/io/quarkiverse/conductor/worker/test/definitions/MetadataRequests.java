package io.quarkiverse.conductor.worker.test.definitions;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** What the stand-in server received on its metadata API, oldest first. */
final class MetadataRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MetadataRequests() {
    }

    /** Each request as {@code "METHOD /path"}, in the order received. */
    static List<String> lines(WireMock wiremock) {
        return requests(wiremock).stream().map(request -> request.getMethod() + " " + request.getUrl())
                .collect(Collectors.toList());
    }

    /** The JSON body of the only {@code method} request to {@code path}. */
    static JsonNode body(WireMock wiremock, String method, String path) {
        List<LoggedRequest> matching = requests(wiremock).stream()
                .filter(request -> request.getMethod().getName().equals(method) && request.getUrl().equals(path)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + method + " " + path + ", got " + matching.size() + " among "
                    + lines(wiremock));
        }
        try {
            return JSON.readTree(matching.get(0).getBodyAsString());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + matching.get(0).getBodyAsString(), e);
        }
    }

    /** The JSON bodies of the {@code POST} requests to {@code path}, oldest first. */
    static List<JsonNode> posted(WireMock wiremock, String path) {
        return requests(wiremock).stream()
                .filter(request -> request.getMethod().getName().equals("POST") && request.getUrl().equals(path))
                .map(request -> json(request.getBodyAsString())).toList();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static List<LoggedRequest> requests(WireMock wiremock) {
        List<LoggedRequest> requests = wiremock.find(anyRequestedFor(urlPathMatching("/api/metadata/.*")));
        // WireMock lists the newest first
        return requests.stream().sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate())).toList();
    }
}

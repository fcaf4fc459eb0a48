package io.quarkiverse.conductor.worker.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the harness asks the Conductor server: define the benchmark workflow, start executions, read them back. Its
 * requests carry their own user agent, so that the access log tells them from the workers'.
 */
final class ConductorApi {

    static final String TASK = "bench_task";
    static final String WORKFLOW = "bench_wf";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String api;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    ConductorApi(String api) {
        this.api = api;
    }

    void defineBenchmarkWorkflow() throws IOException, InterruptedException {
        send("POST", "/metadata/taskdefs", List.of(Map.of("name", TASK, "retryCount", 0,
                "responseTimeoutSeconds", 120, "timeoutSeconds", 0)));
        send("PUT", "/metadata/workflow", List.of(Map.of("name", WORKFLOW, "version", 1, "schemaVersion", 2,
                "tasks", List.of(Map.of("name", TASK, "taskReferenceName", "bench_ref", "type", "SIMPLE",
                        "inputParameters", Map.of("n", "${workflow.input.n}"))),
                "outputParameters", Map.of("n", "${bench_ref.output.result}"))));
    }

    /** Starts a workflow without waiting for the answer. */
    CompletableFuture<String> startAsync(int n) {
        try {
            return client.sendAsync(request("POST", "/workflow/" + WORKFLOW, Map.of("n", n)),
                    HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("start: HTTP " + response.statusCode() + " " + response.body());
                        }
                        return response.body();
                    });
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Starts {@code count} workflows one after the other and returns their ids: the SQLite server fails some starts
     * ("database is locked") when they come concurrently.
     */
    List<String> start(int count, int firstInput) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(startAsync(firstInput + i).join());
        }
        return ids;
    }

    int runningWorkflows() throws IOException, InterruptedException {
        return get("/workflow/running/" + WORKFLOW).size();
    }

    /** The ids of the running benchmark workflows. */
    java.util.Set<String> running() throws IOException, InterruptedException {
        java.util.Set<String> ids = new java.util.HashSet<>();
        get("/workflow/running/" + WORKFLOW).forEach(id -> ids.add(id.asText()));
        return ids;
    }

    int queueSize() throws IOException, InterruptedException {
        return get("/tasks/queue/all").path(TASK).asInt();
    }

    /** The status of a workflow: RUNNING, COMPLETED... */
    String workflowStatus(String workflowId) throws IOException, InterruptedException {
        return get("/workflow/" + workflowId + "?includeTasks=false").path("status").asText();
    }

    /** The benchmark task of workflow {@code workflowId}, as the server recorded it; {@code null} if it did not complete. */
    JsonNode task(String workflowId) throws IOException, InterruptedException {
        JsonNode workflow = get("/workflow/" + workflowId + "?includeTasks=true");
        if (!"COMPLETED".equals(workflow.path("status").asText())) {
            BenchmarkRunner.log("workflow " + workflowId + " is " + workflow.path("status").asText() + ": "
                    + workflow.path("reasonForIncompletion").asText());
            return null;
        }
        return workflow.path("tasks").get(0);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(api + path))
                .header("User-Agent", AccessLog.HARNESS_USER_AGENT).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private void send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private HttpRequest request(String method, String path, Object body) throws IOException {
        return HttpRequest.newBuilder(URI.create(api + path)).header("Content-Type", "application/json")
                .header("User-Agent", AccessLog.HARNESS_USER_AGENT)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
    }
}

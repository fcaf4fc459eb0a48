package io.quarkiverse.conductor.worker.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The floor: the least a Conductor worker does, written with the JDK's {@code HttpClient} (and Jackson to read and
 * write the JSON). Each of {@code threads} threads batch-polls for up to {@code count} tasks (the server waiting up to
 * {@code timeout} ms) and completes each task at once with {@code POST /tasks}, output {@code {"n": n + 1}}.
 * <p>
 * Usage: {@code BaselineWorker <api-url> <task-type> <threads> <count> <timeout-ms>}
 */
public final class BaselineWorker {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) {
        String api = args[0];
        String taskType = args[1];
        int threads = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        int timeout = Integer.parseInt(args[4]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI poll = URI.create(api + "/tasks/poll/batch/" + taskType + "?workerid=baseline&count=" + count + "&timeout="
                + timeout);
        URI update = URI.create(api + "/tasks");
        for (int i = 0; i < threads; i++) {
            new Thread(() -> loop(client, poll, update), "baseline-" + i).start();
        }
    }

    /** A result is sent until it gets through: a worker that loses results is no baseline. */
    private static void send(HttpClient client, HttpRequest request) throws InterruptedException {
        for (int attempt = 1;; attempt++) {
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2) {
                    return;
                }
            } catch (java.io.IOException e) {
                if (attempt == 10) {
                    System.err.println("result lost: " + e);
                    return;
                }
            }
            Thread.sleep(50L * attempt);
        }
    }

    private static void loop(HttpClient client, URI poll, URI update) {
        HttpRequest pollRequest = HttpRequest.newBuilder(poll).GET().build();
        while (true) {
            try {
                byte[] body = client.send(pollRequest, HttpResponse.BodyHandlers.ofByteArray()).body();
                for (JsonNode task : JSON.readTree(body)) {
                    ObjectNode result = JSON.createObjectNode();
                    result.put("taskId", task.get("taskId").asText());
                    result.put("workflowInstanceId", task.get("workflowInstanceId").asText());
                    result.put("status", "COMPLETED");
                    result.put("workerId", "baseline");
                    result.putObject("outputData").put("n", task.path("inputData").path("n").asLong() + 1);
                    send(client, HttpRequest.newBuilder(update).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(result))).build());
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // the server is not there (yet, or any more): try again shortly
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}

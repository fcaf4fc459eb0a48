package io.quarkiverse.conductor.worker.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The ideal minimal client, the floor every other contender is measured against: the JDK's {@code HttpClient} and
 * nothing else. Each of 4 poller threads asks for up to 20 tasks with a 1 s long poll, completes every task at once
 * (output {@code {"result": n + 1}}), sends all the results at the same time with the plain update
 * ({@code POST /tasks}), and polls again once they all got through. The poll answer is read by a hand-written reader
 * ({@link TaskListReader}) and the results are written by hand: no JSON library. A result is retried until the server
 * takes it, since a client that loses results is no baseline.
 * <p>
 * Usage: {@code IdealWorker <api-url> [<task-type> <pollers> <count> <timeout-ms>]}
 */
public final class IdealWorker {

    private static final String WORKER_ID = "ideal";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpRequest poll;
    private final URI update;

    private IdealWorker(String api, String taskType, int count, int timeoutMillis) {
        this.poll = HttpRequest.newBuilder(URI.create(api + "/tasks/poll/batch/" + taskType + "?workerid=" + WORKER_ID
                + "&count=" + count + "&timeout=" + timeoutMillis)).GET().build();
        this.update = URI.create(api + "/tasks");
    }

    public static void main(String[] args) {
        String api = args[0];
        String taskType = args.length > 1 ? args[1] : ConductorApi.TASK;
        int pollers = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int timeoutMillis = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        IdealWorker worker = new IdealWorker(api, taskType, count, timeoutMillis);
        for (int i = 0; i < pollers; i++) {
            new Thread(worker::pollLoop, "ideal-poller-" + i).start();
        }
    }

    private void pollLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                HttpResponse<String> response = client.send(poll, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IOException("poll: HTTP " + response.statusCode());
                }
                List<TaskListReader.PolledTask> tasks = TaskListReader.read(response.body());
                CompletableFuture<?>[] results = new CompletableFuture<?>[tasks.size()];
                for (int i = 0; i < results.length; i++) {
                    results[i] = send(completed(tasks.get(i)), 1);
                }
                CompletableFuture.allOf(results).join();
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // the server is not there (yet, or any more): try again shortly
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private HttpRequest completed(TaskListReader.PolledTask task) {
        String body = "{\"taskId\":\"" + escape(task.taskId()) + "\",\"workflowInstanceId\":\""
                + escape(task.workflowInstanceId()) + "\",\"workerId\":\"" + WORKER_ID
                + "\",\"status\":\"COMPLETED\",\"outputData\":{\"result\":" + (task.n() + 1) + "}}";
        return HttpRequest.newBuilder(update).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    /** Sends a result until the server accepts it, backing off from 50 ms up to 2 s between attempts. */
    private CompletableFuture<Void> send(HttpRequest request, int attempt) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            if (failure == null && response.statusCode() / 100 == 2) {
                return CompletableFuture.<Void> completedFuture(null);
            }
            long delay = Math.min(2000, 50L << Math.min(attempt - 1, 6));
            return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(delay,
                    TimeUnit.MILLISECONDS)).thenCompose(ignored -> send(request, attempt + 1));
        }).thenCompose(next -> next);
    }

    private static String escape(String value) {
        return value.indexOf('"') < 0 && value.indexOf('\\') < 0 ? value
                : value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

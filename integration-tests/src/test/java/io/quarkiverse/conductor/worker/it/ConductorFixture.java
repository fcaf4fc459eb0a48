package io.quarkiverse.conductor.worker.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.quarkiverse.conductor.worker.model.StartWorkflowRequest;
import io.quarkiverse.conductor.worker.model.Workflow;

/**
 * Runs workflows on the Conductor server of Dev Services, where the application registered its definitions at
 * start-up, and waits for their end. It calls the server's REST API from the test itself, rather than through the
 * application's workflow client, so that a test written with it also runs against the packaged application
 * ({@code XxxIT extends XxxTest}), which a {@code @QuarkusIntegrationTest} cannot inject anything from.
 */
public class ConductorFixture {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public String start(String workflow, Map<String, Object> input) {
        return start(new StartWorkflowRequest().withName(workflow).withInput(input));
    }

    public String start(StartWorkflowRequest request) {
        return send("POST", "/workflow", request);
    }

    /**
     * Starts {@code count} executions of {@code workflow}, with input {@code {"n": i}}, four at a time, and returns
     * their ids in the order of {@code i}.
     */
    public List<String> startMany(String workflow, int count) {
        ExecutorService starters = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> started = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                Map<String, Object> input = Map.of("n", n);
                started.add(starters.submit(() -> start(workflow, input)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : started) {
                ids.add(id.get());
            }
            return ids;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Starting " + workflow + " failed", e.getCause());
        } finally {
            starters.shutdownNow();
        }
    }

    /** The execution, with its tasks. */
    public Workflow get(String workflowId) {
        try {
            return JSON.readValue(send("GET", "/workflow/" + workflowId + "?includeTasks=true", null), Workflow.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read workflow " + workflowId, e);
        }
    }

    /** Waits until the workflow has ended (completed, failed, timed out or terminated) and returns it. */
    public Workflow awaitEnd(String workflowId, Duration timeout) {
        AtomicReference<Workflow> last = new AtomicReference<>();
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            last.set(get(workflowId));
            return last.get().getStatus().isTerminal();
        });
        return last.get();
    }

    public Workflow awaitEnd(String workflowId) {
        return awaitEnd(workflowId, Duration.ofSeconds(60));
    }

    private static String send(String method, String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(DevServicesServerUrl.api() + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + ": HTTP " + response.statusCode() + " "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " was interrupted", e);
        }
    }
}

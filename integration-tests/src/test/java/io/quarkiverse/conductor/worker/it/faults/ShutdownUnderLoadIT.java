package io.quarkiverse.conductor.worker.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.conductor.worker.it.Definitions;
import io.quarkiverse.conductor.worker.it.DevServicesServerUrl;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The packaged application is told to stop (SIGTERM) while 20 tasks run: polling stops at once, and every one of them
 * finishes and reports within the shutdown grace period. The server shows them all completed, none timed out.
 */
@QuarkusIntegrationTest
@TestProfile(ShutdownUnderLoadIT.OwnLaunch.class)
class ShutdownUnderLoadIT {

    private static final int TASKS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** An application launched for this test alone, as a profile of its own makes it: it is stopped for good. */
    public static class OwnLaunch implements QuarkusTestProfile {
    }

    @Test
    void everyRunningTaskReportsWithinTheGracePeriod() throws Exception {
        // the packaged application registered its definitions when it started
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < TASKS; n++) {
            ids.add(send("POST", "/workflow", Map.of("name", Definitions.SHUTDOWN, "input", Map.of("n", n))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(ids).stream().allMatch("IN_PROGRESS"::equals));

        // the jar, or with -Dnative the executable failsafe names in native.image.path
        String nativeExecutable = System.getProperty("native.image.path", "-");
        ProcessHandle application = ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().orElse("").contains("quarkus-run.jar")
                        || child.info().command().orElse("").equals(nativeExecutable))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the packaged application is not a child of this JVM"));
        long stopping = System.nanoTime();
        application.destroy();
        application.onExit().get();
        Duration stopped = Duration.ofNanos(System.nanoTime() - stopping);

        System.out.printf("ShutdownUnderLoadIT: %d tasks running at SIGTERM, the application stopped in %d ms%n", TASKS,
                stopped.toMillis());
        assertThat(stopped).isLessThan(Duration.ofSeconds(30));
        for (int n = 0; n < TASKS; n++) {
            JsonNode workflow = workflow(ids.get(n));
            assertThat(workflow.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(workflow.path("output").path("result").asText()).isEqualTo("finished " + n);
            assertThat(workflow.path("tasks")).hasSize(1);
        }
        Path log = Path.of("target", "quarkus.log");
        if (Files.exists(log)) {
            assertThat(Files.readString(log)).doesNotContain("still held");
        }
    }

    private static List<String> statuses(List<String> ids) throws Exception {
        List<String> statuses = new ArrayList<>();
        for (String id : ids) {
            statuses.add(workflow(id).path("tasks").path(0).path("status").asText("NONE"));
        }
        return statuses;
    }

    private static JsonNode workflow(String id) throws Exception {
        return JSON.readTree(send("GET", "/workflow/" + id + "?includeTasks=true", null));
    }

    private static String send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(DevServicesServerUrl.api() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }
}

package io.quarkiverse.conductor.worker.test.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * With {@code quarkus-micrometer-registry-prometheus}, {@code /q/metrics} shows every metric the Conductor Java SDK
 * publishes, under its name, type and tags, and ours beside them, with the counts of what the workers did: tasks that
 * complete, fail, get bad input, wait for a slot, outlive their response timeout; a poll that fails; a result retried
 * and one refused; a paused worker.
 */
class PrometheusMetricsTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(PrometheusMetricsTest.class, stubs -> {
        SharedWireMock.pollsAnswer(stubs, "ok", List.of(PollAnswers.answer(503, "application/json", "{}"),
                PollAnswers.tasks("[" + SharedWireMock.queuedTask("t-ok", "ok", "{}") + "]"), PollAnswers.tasks("[]")));
        SharedWireMock.pollOnceReturns(stubs, "failing", "[" + SharedWireMock.task("t-failing", "failing", "{}") + "]");
        SharedWireMock.pollOnceReturns(stubs, "typed", "[" + SharedWireMock.task("t-typed", "typed",
                "{\"count\": \"many\"}") + "]");
        SharedWireMock.pollOnceReturns(stubs, "crowded", "[" + SharedWireMock.task("t-crowded-1", "crowded", "{}")
                + ", " + SharedWireMock.task("t-crowded-2", "crowded", "{}") + "]");
        SharedWireMock.pollOnceReturns(stubs, "long", "[" + SharedWireMock.task("t-long", "long", "{}")
                .replace("\"pollCount\"", "\"responseTimeoutSeconds\": 1, \"pollCount\"") + "]");
        SharedWireMock.pollOnceReturns(stubs, "refused", "[" + SharedWireMock.task("t-refused", "refused", "{}") + "]");
        // the result of t-ok is refused once, then taken; the one of t-refused is refused for want of credentials
        SharedWireMock.updatesAnswer(stubs, "t-ok", List.of(PollAnswers.answer(503, "text/plain", "busy"),
                PollAnswers.answer(200, "text/plain", "t-ok")));
        stubs.register(post(urlEqualTo("/api/tasks")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-refused")))
                .willReturn(aResponse().withStatus(401)));
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, SharedWireMock.class, PollAnswers.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            .overrideConfigKey("quarkus.conductor.retry.initial-backoff", "20ms")
            .overrideConfigKey("quarkus.conductor.workers.\"sleepy\".paused", "true")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @TestHTTPResource("/q/metrics")
    URI metricsEndpoint;

    @Test
    void everyMetricIsPublishedWithItsTagsAndCounts() throws Exception {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (String taskId : List.of("t-ok", "t-failing", "t-typed", "t-crowded-1", "t-crowded-2", "t-long")) {
                wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/tasks"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo(taskId)))
                        .withRequestBody(matchingJsonPath("$.extendLease", equalTo("false"))));
            }
            assertThat(scrape()).contains("task_result_given_up_total{reason=\"access_refused\",taskType=\"refused\"} 1.0");
        });
        // the paused worker counts the seconds it is paused
        await().atMost(Duration.ofSeconds(5)).until(() -> value(scrape(), "task_paused_total{taskType=\"sleepy\"}") >= 2);

        String metrics = scrape();
        // the SDK's, with the SDK's types and buckets (a counter's type line names it without "_total" in the
        // OpenMetrics format Prometheus asks for, with it in the older text format: the series are the same)
        Map<String, String> types = Map.ofEntries(Map.entry("task_poll_total", "counter"),
                Map.entry("task_poll_error_total", "counter"), Map.entry("task_poll_time_seconds", "histogram"),
                Map.entry("task_execution_started_total", "counter"),
                Map.entry("task_execute_time_seconds", "histogram"), Map.entry("task_execute_error_total", "counter"),
                Map.entry("task_update_time_seconds", "histogram"), Map.entry("task_update_error_total", "counter"),
                Map.entry("task_result_size_bytes", "histogram"), Map.entry("task_paused_total", "counter"),
                Map.entry("task_execution_queue_full_total", "counter"), Map.entry("active_workers", "gauge"));
        types.forEach((name, type) -> assertThat(metrics).as(name).containsPattern(
                "(?m)^# TYPE " + name.replaceFirst("_total$", "") + "(_total)? " + type + "$"));
        assertThat(metrics).contains(
                "task_poll_time_seconds_bucket{status=\"SUCCESS\",taskType=\"ok\",le=\"0.001\"}",
                "task_poll_time_seconds_bucket{status=\"SUCCESS\",taskType=\"ok\",le=\"10.0\"}",
                "task_result_size_bytes_bucket{taskType=\"ok\",le=\"100.0\"}",
                "task_result_size_bytes_bucket{taskType=\"ok\",le=\"1.0E7\"}");
        Map<String, Double> expected = new java.util.LinkedHashMap<>();
        expected.put("task_poll_error_total{exception=\"RequestFailure\",taskType=\"ok\"}", 1.0);
        expected.put("task_poll_time_seconds_count{status=\"FAILURE\",taskType=\"ok\"}", 1.0);
        expected.put("task_execution_started_total{taskType=\"ok\"}", 1.0);
        expected.put("task_execution_started_total{taskType=\"crowded\"}", 2.0);
        expected.put("task_execute_time_seconds_count{status=\"SUCCESS\",taskType=\"ok\"}", 1.0);
        expected.put("task_execute_time_seconds_count{status=\"FAILURE\",taskType=\"failing\"}", 1.0);
        expected.put("task_execute_error_total{exception=\"IllegalStateException\",taskType=\"failing\"}", 1.0);
        expected.put("task_execute_error_total{exception=\"InputBindingException\",taskType=\"typed\"}", 1.0);
        expected.put("task_update_time_seconds_count{status=\"SUCCESS\",taskType=\"ok\"}", 1.0);
        expected.put("task_update_time_seconds_count{status=\"FAILURE\",taskType=\"refused\"}", 1.0);
        expected.put("task_update_error_total{exception=\"RequestFailure\",taskType=\"refused\"}", 1.0);
        expected.put("task_result_size_bytes_count{taskType=\"ok\"}", 1.0);
        expected.put("task_execution_queue_full_total{taskType=\"crowded\"}", 1.0);
        expected.put("active_workers{taskType=\"ok\"}", 0.0);
        // ours
        expected.put("task_queue_wait_time_seconds_count{taskType=\"ok\"}", 1.0);
        // the task that waited a second in the queue, as the server's times said
        expected.put("task_queue_wait_time_seconds_sum{taskType=\"ok\"}", 1.0);
        expected.put("task_in_flight{taskType=\"ok\"}", 0.0);
        expected.put("task_lease_extended_total{taskType=\"long\"}", 1.0);
        expected.put("task_result_retried_total{taskType=\"ok\"}", 1.0);
        expected.put("task_result_given_up_total{reason=\"access_refused\",taskType=\"refused\"}", 1.0);
        expected.forEach((series, count) -> assertThat(value(metrics, series)).as(series).isEqualTo(count));
        assertThat(value(metrics, "task_poll_total{taskType=\"ok\"}")).isGreaterThanOrEqualTo(2);
        assertThat(value(metrics, "task_poll_requests_total{kind=\"long\",taskType=\"ok\"}")).isPositive();
    }

    private static double value(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]))
                .orElseThrow(() -> new AssertionError("no series " + series + " in:\n" + metrics));
    }

    private String scrape() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(metricsEndpoint).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static class Workers {
        @ConductorWorker("ok")
        Map<String, Object> ok() {
            return Map.of("ok", true);
        }

        @ConductorWorker("failing")
        void failing() {
            throw new IllegalStateException("no luck");
        }

        @ConductorWorker("typed")
        int typed(int count) {
            return count;
        }

        @ConductorWorker(value = "crowded", concurrency = 1)
        void crowded() {
        }

        @ConductorWorker("long")
        void longWork() throws InterruptedException {
            Thread.sleep(1200);
        }

        @ConductorWorker("refused")
        void refused() {
        }

        @ConductorWorker("sleepy")
        void sleepy() {
        }
    }
}

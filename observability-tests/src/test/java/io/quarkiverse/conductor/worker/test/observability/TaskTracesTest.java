package io.quarkiverse.conductor.worker.test.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.WorkflowClient;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code quarkus-opentelemetry}, each task execution is a span: kind CONSUMER, named after the task type, with the
 * task's ids, type, retry and poll counts and the status it ended with; the exception a method threw is recorded; a
 * {@code traceparent} in the task's input makes the span continue that trace; what the method does is its child. The
 * polls and result updates themselves are no spans.
 */
class TaskTracesTest {

    /** A W3C trace context a workflow passed on from whoever started it. */
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";

    static final WireMock wiremock = SharedWireMock.forTestClass(TaskTracesTest.class, stubs -> {
        SharedWireMock.pollOnceReturns(stubs, "traced", "[" + SharedWireMock.task("t-traced", "traced",
                "{\"traceparent\": \"00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01\"}").replace("\"pollCount\": 1",
                        "\"pollCount\": 2, \"retryCount\": 1")
                + "]");
        SharedWireMock.pollOnceReturns(stubs, "failing", "[" + SharedWireMock.task("t-failing", "failing", "{}") + "]");
        stubs.register(post(urlEqualTo("/api/workflow")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("wf-started")));
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, Spans.class, SharedWireMock.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            .overrideConfigKey("quarkus.otel.bsp.schedule.delay", "50ms")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Inject
    InMemorySpanExporter exporter;

    @Inject
    WorkflowClient workflows;

    @Test
    void eachTaskIsASpanWithItsChildren() {
        await().atMost(Duration.ofSeconds(10)).until(() -> task("traced") != null && task("failing") != null
                && exporter.getFinishedSpanItems().stream().anyMatch(span -> span.getName().equals("inside traced")));

        SpanData traced = task("traced");
        assertThat(traced.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(traced.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(traced.getParentSpanId()).isEqualTo(PARENT_SPAN_ID);
        assertThat(traced.getAttributes().get(AttributeKey.stringKey("conductor.task.id"))).isEqualTo("t-traced");
        assertThat(traced.getAttributes().get(AttributeKey.stringKey("conductor.workflow.id")))
                .isEqualTo("wf-t-traced");
        assertThat(traced.getAttributes().get(AttributeKey.stringKey("conductor.task.type"))).isEqualTo("traced");
        assertThat(traced.getAttributes().get(AttributeKey.longKey("conductor.task.retry_count"))).isEqualTo(1L);
        assertThat(traced.getAttributes().get(AttributeKey.longKey("conductor.task.poll_count"))).isEqualTo(2L);
        assertThat(traced.getAttributes().get(AttributeKey.stringKey("conductor.task.status"))).isEqualTo("COMPLETED");
        assertThat(traced.getAttributes().get(AttributeKey.booleanKey("conductor.task.reported"))).isTrue();
        assertThat(traced.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        // what the method did is a child of the task's span
        SpanData inside = exporter.getFinishedSpanItems().stream().filter(span -> span.getName().equals("inside traced"))
                .findFirst().orElseThrow();
        assertThat(inside.getParentSpanId()).isEqualTo(traced.getSpanId());
        assertThat(inside.getTraceId()).isEqualTo(TRACE_ID);

        SpanData failing = task("failing");
        assertThat(failing.getParentSpanContext().isValid()).as("a task without a traceparent starts a trace").isFalse();
        assertThat(failing.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(failing.getAttributes().get(AttributeKey.stringKey("conductor.task.status"))).isEqualTo("FAILED");
        assertThat(failing.getEvents()).anySatisfy(event -> {
            assertThat(event.getName()).isEqualTo("exception");
            assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.type")))
                    .isEqualTo(IllegalStateException.class.getName());
        });
        // the task API's own requests (polls, results) are no spans: the polls of idle workers would fill the traces;
        // the WorkflowClient's are, as any REST client call is
        assertThat(workflows.startWorkflow("traced_flow", Map.of())).isEqualTo("wf-started");
        await().atMost(Duration.ofSeconds(10)).until(() -> exporter.getFinishedSpanItems().stream()
                .anyMatch(span -> span.getKind() == SpanKind.CLIENT && urlOf(span).endsWith("/api/workflow")));
        assertThat(exporter.getFinishedSpanItems()).filteredOn(span -> span.getKind() == SpanKind.CLIENT)
                .noneMatch(span -> urlOf(span).contains("/api/tasks") || urlOf(span).contains("/api/metadata"));
    }

    private static String urlOf(SpanData span) {
        return String.valueOf(span.getAttributes().get(AttributeKey.stringKey("url.full")));
    }

    private SpanData task(String type) {
        List<SpanData> spans = exporter.getFinishedSpanItems();
        return spans.stream().filter(span -> span.getName().equals(type)).findFirst().orElse(null);
    }

    @Singleton
    static class Spans {
        @Produces
        @Singleton
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }
    }

    static class Workers {
        @Inject
        io.opentelemetry.api.trace.Tracer tracer;

        @ConductorWorker("traced")
        String traced() {
            tracer.spanBuilder("inside traced").startSpan().end();
            return "done";
        }

        @ConductorWorker("failing")
        void failing() {
            throw new IllegalStateException("no luck");
        }
    }
}

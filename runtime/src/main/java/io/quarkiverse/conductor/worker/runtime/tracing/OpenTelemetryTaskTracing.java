package io.quarkiverse.conductor.worker.runtime.tracing;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;

/**
 * A span per task execution, kind {@code CONSUMER}, named after the task type, with the task's ids, type, retry and
 * poll counts, and the status it ended with; an exception the method threw is recorded. If the task's input carries a
 * W3C {@code traceparent} (a workflow can pass it on from whoever started it), the span continues that trace. What the
 * method calls, and the request that sends its result, are its children.
 * <p>
 * Added to the application only when it has OpenTelemetry.
 */
@Singleton
public class OpenTelemetryTaskTracing implements TaskTracing {

    static final AttributeKey<String> TASK_ID = AttributeKey.stringKey("conductor.task.id");
    static final AttributeKey<String> TASK_TYPE = AttributeKey.stringKey("conductor.task.type");
    static final AttributeKey<String> WORKFLOW_ID = AttributeKey.stringKey("conductor.workflow.id");
    static final AttributeKey<String> WORKFLOW_TYPE = AttributeKey.stringKey("conductor.workflow.type");
    static final AttributeKey<Long> RETRY_COUNT = AttributeKey.longKey("conductor.task.retry_count");
    static final AttributeKey<Long> POLL_COUNT = AttributeKey.longKey("conductor.task.poll_count");
    static final AttributeKey<String> STATUS = AttributeKey.stringKey("conductor.task.status");
    static final AttributeKey<Boolean> REPORTED = AttributeKey.booleanKey("conductor.task.reported");

    /** Reads the W3C trace context from the task's input, where a workflow puts it. */
    private static final TextMapGetter<Map<String, Object>> INPUT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, Object> input) {
            return input.keySet();
        }

        @Override
        public String get(Map<String, Object> input, String key) {
            Object value = input == null ? null : input.get(key);
            return value instanceof String text ? text : null;
        }
    };

    private final Tracer tracer;
    private final OpenTelemetry openTelemetry;

    @Inject
    public OpenTelemetryTaskTracing(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("io.quarkiverse.conductor.worker");
    }

    @Override
    public TracedTask start(Task task) {
        Context parent = openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(),
                task.getInputData(), INPUT);
        Span span = tracer.spanBuilder(task.getTaskType()).setSpanKind(SpanKind.CONSUMER).setParent(parent)
                .setAttribute(TASK_ID, task.getTaskId())
                .setAttribute(TASK_TYPE, task.getTaskType())
                .setAttribute(WORKFLOW_ID, task.getWorkflowInstanceId())
                .setAttribute(RETRY_COUNT, (long) task.getRetryCount())
                .setAttribute(POLL_COUNT, (long) task.getPollCount())
                .startSpan();
        if (task.getWorkflowType() != null) {
            span.setAttribute(WORKFLOW_TYPE, task.getWorkflowType());
        }
        Context context = parent.with(span);
        return new TracedTask() {
            @Override
            public Scope activate() {
                io.opentelemetry.context.Scope scope = context.makeCurrent();
                return scope::close;
            }

            @Override
            public void end(TaskResult result, Throwable failure, boolean reported) {
                if (result != null && result.getStatus() != null) {
                    span.setAttribute(STATUS, result.getStatus().name());
                }
                span.setAttribute(REPORTED, reported);
                if (failure != null) {
                    span.recordException(failure);
                }
                if (failure != null || !reported || result != null && (result.getStatus() == TaskResult.Status.FAILED
                        || result.getStatus() == TaskResult.Status.FAILED_WITH_TERMINAL_ERROR)) {
                    span.setStatus(StatusCode.ERROR, result == null ? null : result.getReasonForIncompletion());
                }
                span.end();
            }
        };
    }
}

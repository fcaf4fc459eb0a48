package io.quarkiverse.conductor.worker.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.quarkiverse.conductor.worker.NonRetryableException;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskExecLog;
import io.quarkiverse.conductor.worker.model.TaskResult;

/**
 * Turns what a worker method returned or threw into the {@link TaskResult} sent to the server.
 * <ul>
 * <li>{@code null} (or {@code void}): completed, empty output;</li>
 * <li>a {@code Map}, POJO or record: completed, its JSON object is the output;</li>
 * <li>anything else (scalar, string, list, array): completed, output {@code {"result": value}};</li>
 * <li>with {@code @OutputParam("k")}: completed, output {@code {"k": value}};</li>
 * <li>a {@code TaskResult}: sent as it is;</li>
 * <li>an exception: failed ({@link NonRetryableException}: failed with a terminal error), the stack trace in the
 * task's logs.</li>
 * </ul>
 * The output is converted to plain JSON values here ({@link OutputConverter}), so that an output
 * that cannot be serialized fails the task with a clear reason instead of failing the update to the server.
 */
public final class ResultMapper {

    private static final int MAX_REASON_LENGTH = 1000;
    private static final int MAX_STACK_TRACE_LENGTH = 16 * 1024;

    private final String taskName;
    private final String methodDescription;
    private final String outputKey;
    private final OutputConverter converter;

    /**
     * @param converter the method's output converter; {@code null} for a mapper of outcomes decided outside an
     *        invocation only ({@link #unexpected}, {@link #timedOut})
     */
    ResultMapper(WorkerMethod method, OutputConverter converter) {
        this.taskName = method.getTaskName();
        this.methodDescription = method.getDescription();
        this.outputKey = method.getOutputKey();
        this.converter = converter;
    }

    TaskResult returned(Task task, Object value, InvocationContext context) {
        if (value instanceof TaskResult result) {
            return asReturned(task, result, context);
        }
        TaskResult result = new TaskResult(task);
        try {
            result.setOutputData(output(value));
        } catch (IllegalArgumentException e) {
            return unserializable(task, e, context);
        }
        Duration callback = context == null ? null : context.callbackAfter();
        if (callback == null) {
            result.setStatus(TaskResult.Status.COMPLETED);
        } else {
            result.status(TaskResult.Status.IN_PROGRESS).callbackAfter(callback);
        }
        addLogs(result, context);
        return result;
    }

    TaskResult threw(Task task, Throwable failure, InvocationContext context) {
        Throwable cause = unwrap(failure);
        TaskResult result = new TaskResult(task);
        result.setStatus(cause instanceof NonRetryableException ? TaskResult.Status.FAILED_WITH_TERMINAL_ERROR
                : TaskResult.Status.FAILED);
        String message = cause.getMessage();
        result.setReasonForIncompletion(truncate(message == null ? cause.getClass().getName() : message,
                MAX_REASON_LENGTH));
        addLogs(result, context);
        result.getLogs().add(new TaskExecLog(truncate(stackTrace(cause), MAX_STACK_TRACE_LENGTH), task.getTaskId(),
                System.currentTimeMillis()));
        return result;
    }

    TaskResult badInput(Task task, InputBindingException e) {
        return TaskResult.failedWithTerminalError(task, truncate(e.getMessage(), MAX_REASON_LENGTH));
    }

    /**
     * A failure of the extension's own, not of the method (a bug): the task fails, so that the server retries it now
     * rather than after its response timeout.
     */
    public TaskResult unexpected(Task task, Throwable failure) {
        return TaskResult.failed(task, truncate("Unexpected failure running task '" + taskName + "' with "
                + methodDescription + ": " + failure, MAX_REASON_LENGTH));
    }

    /**
     * The method ran past the worker's {@code execution-timeout}: the task fails, and the server retries it as its
     * definition says.
     *
     * @param interrupted whether the method's thread was interrupted (a blocking method), rather than its result
     *        cancelled
     */
    public TaskResult timedOut(Task task, Duration timeout, boolean interrupted) {
        return TaskResult.failed(task, "Task " + task.getTaskId() + " of type " + taskName + " ran longer than its"
                + " execution timeout of " + timeout + " (quarkus.conductor.workers.\"" + taskName
                + "\".execution-timeout): it was stopped" + (interrupted ? " and its thread interrupted" : ""));
    }

    private TaskResult asReturned(Task task, TaskResult result, InvocationContext context) {
        if (result.getTaskId() == null) {
            result.setTaskId(task.getTaskId());
        }
        if (result.getWorkflowInstanceId() == null) {
            result.setWorkflowInstanceId(task.getWorkflowInstanceId());
        }
        if (result.getStatus() == null) {
            result.setStatus(TaskResult.Status.COMPLETED);
        }
        try {
            result.setOutputData(converter.toOutput(result.getOutputData(), null));
        } catch (IllegalArgumentException e) {
            return unserializable(task, e, context);
        }
        addLogs(result, context);
        return result;
    }

    private Map<String, Object> output(Object value) {
        return converter.toOutput(value, outputKey);
    }

    private TaskResult unserializable(Task task, IllegalArgumentException e, InvocationContext context) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        TaskResult result = TaskResult.failed(task, truncate("The output of task '" + taskName + "' returned by "
                + methodDescription + " cannot be serialized to JSON: " + firstLine(cause.getMessage()),
                MAX_REASON_LENGTH));
        addLogs(result, context);
        return result;
    }

    private static void addLogs(TaskResult result, InvocationContext context) {
        if (context != null) {
            List<TaskExecLog> logs = context.logs();
            if (!logs.isEmpty()) {
                result.getLogs().addAll(logs);
            }
        }
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter(1024);
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}

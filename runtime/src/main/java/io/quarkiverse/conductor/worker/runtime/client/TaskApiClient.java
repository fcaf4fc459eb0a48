package io.quarkiverse.conductor.worker.runtime.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;

/**
 * The Conductor task API as the runtime uses it. Every answer is sorted here, once: a {@code 2xx} with the expected
 * JSON is the result; anything else fails the returned {@code Uni} with a {@link RequestFailure} that says whether it is
 * worth trying again. Empty polls are an empty list whatever the server's dialect.
 */
public class TaskApiClient {

    private static final Logger LOG = Logger.getLogger(TaskApiClient.class);

    private final ConductorTaskApi api;
    private final URI serverUrl;
    private final boolean authenticated;

    /**
     * @param token the access token to send, or {@code null} when the server needs none
     */
    public TaskApiClient(URI serverUrl, ClientOptions options, AccessToken token) {
        QuarkusRestClientBuilder builder = builder(serverUrl, options);
        if (token != null) {
            builder.register(new AccessTokenFilter(token));
        }
        this.api = builder.build(ConductorTaskApi.class);
        this.serverUrl = serverUrl;
        this.authenticated = token != null;
    }

    static QuarkusRestClientBuilder builder(URI serverUrl, ClientOptions options) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(serverUrl)
                .connectTimeout(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, options.connectionPoolSize());
        options.proxy().ifPresent(proxy -> {
            builder.proxyAddress(proxy.host(), proxy.port());
            proxy.username().ifPresent(builder::proxyUser);
            proxy.password().ifPresent(builder::proxyPassword);
            proxy.nonProxyHosts().ifPresent(hosts -> builder.nonProxyHosts(String.join("|", hosts)));
            proxy.proxyConnectTimeout().ifPresent(builder::proxyConnectTimeout);
            builder.proxyType(proxy.type());
        });
        return builder
                // every status comes back as a response, to be sorted by sent(): no exception, no stack trace
                .disableDefaultMapper(true)
                // whoever turns the REST client's request logging on must not find the access token in the log
                .loggingMaskedHeaders(Set.of(AccessTokenFilter.HEADER))
                // a stack trace per request is measurable on the hot path and says nothing the message does not
                .property(QuarkusRestClientProperties.CAPTURE_STACKTRACE, false);
    }

    public URI serverUrl() {
        return serverUrl;
    }

    /** Whether requests carry an access token, which a {@code 401} or {@code 403} renews. */
    public boolean isAuthenticated() {
        return authenticated;
    }

    /**
     * Takes up to {@code count} tasks, the server waiting up to {@code timeout} for all of them to arrive.
     *
     * @param domain the domain, or {@code null} for none (the parameter is then left out: an empty domain matches
     *        nothing)
     * @return the tasks; tasks without an id or a workflow id, which cannot be run nor reported, are left out and
     *         logged with the answer
     */
    public Uni<List<Task>> poll(String taskType, String workerId, String domain, int count, Duration timeout) {
        return sent(api.batchPoll(taskType, workerId, domain, count, (int) timeout.toMillis()))
                .map(response -> tasks(taskType, response));
    }

    private static List<Task> tasks(String taskType, RestResponse<byte[]> response) {
        byte[] body = body(response);
        if (response.getStatus() == 204 || body == null || body.length == 0) {
            return List.of();
        }
        List<Task> tasks;
        try {
            tasks = ConductorJson.tasks(body);
        } catch (JsonMappingException e) {
            // well-formed JSON, but some value does not fit: read the tasks one by one, and keep those that can run
            return oneByOne(taskType, response);
        } catch (IOException | RuntimeException e) {
            throw unreadable(response, "a JSON array of tasks", e);
        }
        if (tasks == null) {
            throw unreadable(response, "a JSON array of tasks", null);
        }
        for (Task task : tasks) {
            if (!isRunnable(task)) {
                return oneByOne(taskType, response);
            }
            if (task.getTaskType() == null) {
                task.setTaskType(taskType);
            }
        }
        return tasks;
    }

    private static boolean isRunnable(Task task) {
        return task != null && !isBlank(task.getTaskId()) && !isBlank(task.getWorkflowInstanceId());
    }

    /**
     * The rare answer with a task that cannot be run: the others are, and each bad one is logged as it came, with its
     * id when it has one (the server hands it out again after its response timeout).
     */
    private static List<Task> oneByOne(String taskType, RestResponse<byte[]> response) {
        JsonNode answer;
        try {
            answer = ConductorJson.tree(body(response));
        } catch (IOException | RuntimeException e) {
            throw unreadable(response, "a JSON array of tasks", e);
        }
        if (answer == null || !answer.isArray()) {
            throw unreadable(response, "a JSON array of tasks", null);
        }
        List<Task> runnable = new ArrayList<>(answer.size());
        for (JsonNode element : answer) {
            String problem;
            try {
                Task task = ConductorJson.task(element);
                if (isRunnable(task)) {
                    if (task.getTaskType() == null) {
                        task.setTaskType(taskType);
                    }
                    runnable.add(task);
                    continue;
                }
                problem = task == null ? "is null" : "has no " + (isBlank(task.getTaskId()) ? "taskId" : "workflowInstanceId");
            } catch (IOException | RuntimeException e) {
                problem = "cannot be read (" + firstLine(e.getMessage()) + ")";
            }
            String taskId = element.path("taskId").asText("");
            LOG.errorf("A poll for %s returned a task that %s, so it cannot be run nor reported%s: %s", taskType, problem,
                    taskId.isEmpty() ? "" : "; the server hands task " + taskId + " out again after its response timeout",
                    ConductorJson.excerpt(element.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return runnable;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** Records {@code result}, written with {@link ConductorJson#write(Object)}. */
    public Uni<Void> update(byte[] result) {
        return sent(api.update(result)).replaceWithVoid();
    }

    /**
     * Tells the server that {@code task} is still being worked on, so that it does not time it out for want of an
     * answer: the task's update time is renewed, nothing else changes, and the task is not handed out again.
     */
    public Uni<Void> extendLease(Task task, String workerId) {
        TaskResult lease = new TaskResult(task).status(TaskResult.Status.IN_PROGRESS);
        lease.setExtendLease(true);
        lease.setWorkerId(workerId);
        return update(ConductorJson.write(lease));
    }

    public Uni<Task> getTask(String taskId) {
        return sent(api.getTask(taskId)).map(response -> {
            try {
                return ConductorJson.task(body(response));
            } catch (IOException | RuntimeException e) {
                throw unreadable(response, "a task", e);
            }
        });
    }

    /** Answers with the id of the task updated. */
    public Uni<String> updateByReferenceName(String workflowId, String taskRefName, TaskResult.Status status,
            String workerId, Map<String, Object> output) {
        return sent(api.updateByReferenceName(workflowId, taskRefName, status.name(), workerId,
                ConductorJson.write(output))).map(TaskApiClient::text);
    }

    public Uni<Void> log(String taskId, String line) {
        return sent(api.log(taskId, line)).replaceWithVoid();
    }

    /** Sends the request; an answer that is not {@code 2xx}, or no answer, fails with a {@link RequestFailure}. */
    static Uni<RestResponse<byte[]>> sent(Uni<RestResponse<byte[]>> request) {
        return request.onFailure(TaskApiClient::isNotSorted).transform(TaskApiClient::noAnswer)
                .onItem().transform(TaskApiClient::successful);
    }

    private static boolean isNotSorted(Throwable failure) {
        return !(failure instanceof RequestFailure);
    }

    private static RequestFailure noAnswer(Throwable failure) {
        return new RequestFailure(RequestFailure.Kind.UNAVAILABLE, 0, describeCause(failure), failure);
    }

    private static RestResponse<byte[]> successful(RestResponse<byte[]> response) {
        int status = response.getStatus();
        if (status / 100 != 2) {
            throw new RequestFailure(RequestFailure.kindOf(status), status, serverMessage(response), null);
        }
        return response;
    }

    /**
     * The bytes of an answer. The client reads a successful answer into the declared {@code byte[]}, but hands the body
     * of an error answer over as it came, a stream over the bytes already received.
     */
    static byte[] body(RestResponse<byte[]> response) {
        Object entity = ((RestResponse<?>) response).getEntity();
        if (entity == null || entity instanceof byte[]) {
            return (byte[]) entity;
        }
        if (entity instanceof InputStream stream) {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        }
        return String.valueOf(entity).getBytes(StandardCharsets.UTF_8);
    }

    /** What the server said in an error answer: the {@code message} of Conductor's error JSON, or the answer's start. */
    private static String serverMessage(RestResponse<byte[]> response) {
        byte[] body = body(response);
        String reason = response.getStatusInfo().getReasonPhrase();
        if (body == null || body.length == 0) {
            return reason == null ? "(no message)" : reason;
        }
        try {
            JsonNode error = ConductorJson.tree(body);
            if (error != null && error.hasNonNull("message")) {
                return error.get("message").asText();
            }
        } catch (IOException | RuntimeException e) {
            // not Conductor's error JSON: quote it
        }
        return ConductorJson.excerpt(body);
    }

    private static RequestFailure unreadable(RestResponse<byte[]> response, String expected, Exception cause) {
        String contentType = response.getHeaderString(HttpHeaders.CONTENT_TYPE);
        return new RequestFailure(RequestFailure.Kind.UNREADABLE, response.getStatus(), "expected " + expected
                + ", got " + (contentType == null ? "no content type" : "'" + contentType + "'") + ": "
                + ConductorJson.excerpt(body(response)), cause);
    }

    private static String text(RestResponse<byte[]> response) {
        byte[] body = body(response);
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String describeCause(Throwable failure) {
        Throwable cause = failure;
        // the REST client wraps the I/O failure; its message is the one that says what happened
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause.getMessage() == null || cause instanceof jakarta.ws.rs.ProcessingException)) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /**
     * Whether sending the same request again later may succeed: the server or the network failed, not the request; or
     * the access token was refused, and is being renewed.
     */
    public boolean isRetryable(Throwable failure) {
        return failure instanceof RequestFailure request
                && (request.isTransient() || request.kind() == RequestFailure.Kind.REFUSED && authenticated);
    }

    /** A one-line description of a failed request, for logs. */
    public static String describe(Throwable failure) {
        if (failure instanceof RequestFailure) {
            return failure.getMessage();
        }
        return describeCause(failure);
    }
}

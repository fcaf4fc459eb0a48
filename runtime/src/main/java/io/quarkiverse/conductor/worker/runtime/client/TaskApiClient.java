package io.quarkiverse.conductor.worker.runtime.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import io.quarkiverse.conductor.worker.runtime.client.ConductorHttp.Answer;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.tls.TlsConfiguration;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

/**
 * The Conductor task API ({@code /api/tasks}) as the runtime uses it. Every answer is sorted here, once: a {@code 2xx}
 * with the expected JSON is the result; anything else fails with a {@link RequestFailure} that says whether it is worth
 * trying again. Empty polls are an empty list whatever the server's dialect. Conductor's JSON is read and written with
 * {@link ConductorJson}, never with the application's mapper.
 * <p>
 * The workers' calls (poll, update, lease) return Vert.x {@link Future}s, completed on the event loop; the application's
 * ({@code TaskClient}) return {@link Uni}s.
 */
public class TaskApiClient {

    private static final Logger LOG = Logger.getLogger(TaskApiClient.class);
    private static final String JSON = "application/json";

    private final ConductorHttp http;
    private final URI serverUrl;
    private final ClientOptions options;
    private final AccessToken token;
    private final Optional<TlsConfiguration> tls;

    /**
     * @param token the access token to send, or {@code null} when the server needs none
     */
    public TaskApiClient(Vertx vertx, URI serverUrl, ClientOptions options, AccessToken token) {
        this.http = new ConductorHttp(vertx, serverUrl, options, token);
        this.serverUrl = serverUrl;
        this.options = options;
        this.token = token;
        this.tls = options.tls();
    }

    /** How this client connects: for the other clients of the Conductor API, which go to the same server the same way. */
    ClientOptions options() {
        return options;
    }

    /** The access token requests carry, or {@code null} when the server needs none. */
    AccessToken token() {
        return token;
    }

    /**
     * A REST client builder for the workflow API the {@code WorkflowClient} uses, with the same timeouts, pool, proxy, TLS
     * and URL credentials as the task API. Every status comes back as a response, to be sorted by
     * {@link #sent(Uni)}.
     */
    public static QuarkusRestClientBuilder builder(URI serverUrl, ClientOptions options) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(ServerUrl.withoutUserInfo(serverUrl))
                .connectTimeout(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, options.connectionPoolSize())
                .property(QuarkusRestClientProperties.CONNECTION_TTL, options.keepAliveSeconds());
        options.proxy().ifPresent(proxy -> {
            builder.proxyAddress(proxy.host(), proxy.port());
            proxy.username().ifPresent(builder::proxyUser);
            proxy.password().ifPresent(builder::proxyPassword);
            proxy.nonProxyHosts().ifPresent(hosts -> builder.nonProxyHosts(String.join("|", hosts)));
            proxy.proxyConnectTimeout().ifPresent(builder::proxyConnectTimeout);
            builder.proxyType(proxy.type());
        });
        options.tls().ifPresent(builder::tlsConfiguration);
        String basic = ServerUrl.basicAuthorization(serverUrl);
        if (basic != null) {
            builder.register(new BasicAuthorizationFilter(basic));
        }
        return builder
                .disableDefaultMapper(true)
                // whoever turns the REST client's request logging on must not find the access token in the log
                .loggingMaskedHeaders(Set.of(AccessTokenFilter.HEADER, HttpHeaders.AUTHORIZATION))
                // a stack trace per request says nothing the message does not
                .property(QuarkusRestClientProperties.CAPTURE_STACKTRACE, false);
    }

    public URI serverUrl() {
        return serverUrl;
    }

    /** Whether requests carry an access token, which a {@code 401} or {@code 403} renews. */
    public boolean isAuthenticated() {
        return token != null;
    }

    /**
     * Takes up to {@code count} tasks, the server waiting up to {@code timeout} for all of them to arrive.
     *
     * @param domain the domain, or {@code null} for none (the parameter is then left out: an empty domain matches
     *        nothing)
     * @return the tasks; tasks without an id or a workflow id, which cannot be run nor reported, are left out and
     *         logged with the answer
     */
    public Future<List<Task>> poll(String taskType, String workerId, String domain, int count, Duration timeout) {
        StringBuilder path = new StringBuilder(96).append("/tasks/poll/batch/").append(encode(taskType))
                .append("?workerid=").append(encode(workerId));
        if (domain != null) {
            path.append("&domain=").append(encode(domain));
        }
        path.append("&count=").append(count).append("&timeout=").append(timeout.toMillis());
        return sorted(http.get(path.toString())).map(answer -> tasks(taskType, answer));
    }

    private static List<Task> tasks(String taskType, Answer answer) {
        byte[] body = answer.body();
        if (answer.status() == 204 || body.length == 0) {
            return List.of();
        }
        List<Task> tasks;
        try {
            tasks = ConductorJson.tasks(body);
        } catch (JsonMappingException e) {
            // well-formed JSON, but some value does not fit: read the tasks one by one, and keep those that can run
            return oneByOne(taskType, answer);
        } catch (IOException | RuntimeException e) {
            throw unreadable(answer, "a JSON array of tasks", e);
        }
        if (tasks == null) {
            throw unreadable(answer, "a JSON array of tasks", null);
        }
        for (Task task : tasks) {
            if (!isRunnable(task)) {
                return oneByOne(taskType, answer);
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
    private static List<Task> oneByOne(String taskType, Answer answer) {
        JsonNode tree;
        try {
            tree = ConductorJson.tree(answer.body());
        } catch (IOException | RuntimeException e) {
            throw unreadable(answer, "a JSON array of tasks", e);
        }
        if (tree == null || !tree.isArray()) {
            throw unreadable(answer, "a JSON array of tasks", null);
        }
        List<Task> runnable = new ArrayList<>(tree.size());
        for (JsonNode element : tree) {
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

    /** Records {@code result}, written with {@link ConductorJson#write(Object)}; the server answers with its id. */
    public Future<Void> update(byte[] result) {
        return sorted(http.post("/tasks", JSON, result)).mapEmpty();
    }

    /**
     * Tells the server that {@code task} is still being worked on, so that it does not time it out for want of an
     * answer: the task's update time is renewed, nothing else changes, and the task is not handed out again.
     */
    public Future<Void> extendLease(Task task, String workerId) {
        TaskResult lease = new TaskResult(task).status(TaskResult.Status.IN_PROGRESS);
        lease.setExtendLease(true);
        lease.setWorkerId(workerId);
        return update(ConductorJson.write(lease));
    }

    public Uni<Task> getTask(String taskId) {
        return uni(sorted(http.get("/tasks/" + encode(taskId))).map(answer -> {
            try {
                return ConductorJson.task(answer.body());
            } catch (IOException | RuntimeException e) {
                throw unreadable(answer, "a task", e);
            }
        }));
    }

    /** Answers with the id of the task updated. */
    public Uni<String> updateByReferenceName(String workflowId, String taskRefName, TaskResult.Status status,
            String workerId, Map<String, Object> output) {
        String path = "/tasks/" + encode(workflowId) + "/" + encode(taskRefName) + "/" + status.name()
                + (workerId == null ? "" : "?workerid=" + encode(workerId));
        return uni(sorted(http.post(path, JSON, ConductorJson.write(output)))
                .map(answer -> new String(answer.body(), StandardCharsets.UTF_8)));
    }

    /** Adds a line to a task's execution log; the server stores the body as it is, so it goes as plain text. */
    public Uni<Void> log(String taskId, String line) {
        return uni(sorted(http.post("/tasks/" + encode(taskId) + "/log", "text/plain",
                line.getBytes(StandardCharsets.UTF_8))).mapEmpty());
    }

    /**
     * A request to another part of the Conductor API on this client's connection (the metadata API, at start-up),
     * sorted as the task API's answers are; a {@code 400} that lists validation errors fails with them.
     *
     * @param json the body, or {@code null} for none
     */
    Future<Answer> exchange(HttpMethod method, String path, byte[] json) {
        return sorted(http.send(method, path, json == null ? null : JSON, json)
                .map(ConductorApiErrors::withValidationErrors));
    }

    static <T> Uni<T> uni(Future<T> future) {
        return Uni.createFrom().completionStage(future::toCompletionStage);
    }

    /**
     * An answer that is not {@code 2xx}, or no answer, fails with a {@link RequestFailure}; a failed TLS handshake with
     * one that names the certificate problem and the TLS configuration to fix ({@link ConnectionFailures}).
     */
    private Future<Answer> sorted(Future<Answer> request) {
        return sorted(request, tls);
    }

    /** The same for a request on a connection of its own with {@code tls} (the token endpoint's). */
    static Future<Answer> sorted(Future<Answer> request, Optional<TlsConfiguration> tls) {
        return request.transform(done -> {
            if (done.failed()) {
                Throwable failure = done.cause();
                return Future.failedFuture(failure instanceof RequestFailure ? failure
                        : ConnectionFailures.sort(failure, tls).orElseGet(() -> noAnswer(failure)));
            }
            Answer answer = done.result();
            return answer.isSuccessful() ? Future.succeededFuture(answer) : Future.failedFuture(refused(answer));
        });
    }

    /**
     * A request through the REST client (the workflow API); an answer that is not {@code 2xx}, or
     * no answer, fails with a {@link RequestFailure}, sorted the same way as the task API's.
     */
    public static Uni<RestResponse<byte[]>> sent(Uni<RestResponse<byte[]>> request) {
        return request.onFailure(failure -> !(failure instanceof RequestFailure)).transform(TaskApiClient::noAnswer)
                .onItem().transform(response -> {
                    if (response.getStatus() / 100 != 2) {
                        throw refused(answer(response));
                    }
                    return response;
                });
    }

    /** The answer of a REST client request, as the task API's answers are sorted. */
    public static Answer answer(RestResponse<byte[]> response) {
        return new Answer(response.getStatus(), response.getHeaderString(HttpHeaders.CONTENT_TYPE), body(response));
    }

    /**
     * The bytes of a REST client answer. The client reads a successful answer into the declared {@code byte[]}, but
     * hands the body of an error answer over as it came, a stream over the bytes already received.
     */
    public static byte[] body(RestResponse<byte[]> response) {
        Object entity = ((RestResponse<?>) response).getEntity();
        if (entity == null) {
            return new byte[0];
        }
        if (entity instanceof byte[] bytes) {
            return bytes;
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

    private static RequestFailure noAnswer(Throwable failure) {
        return new RequestFailure(RequestFailure.Kind.UNAVAILABLE, 0, describeCause(failure), failure);
    }

    static RequestFailure refused(Answer answer) {
        if (answer.status() == 407) {
            // the proxy's answer, not the server's: what it says is of no help, what to set is
            return new RequestFailure(RequestFailure.Kind.PROXY, 407, ConnectionFailures.PROXY_REFUSED, null);
        }
        return new RequestFailure(RequestFailure.kindOf(answer.status()), answer.status(), serverMessage(answer), null);
    }

    /** What the server said in an error answer: the {@code message} of Conductor's error JSON, or the answer's start. */
    private static String serverMessage(Answer answer) {
        byte[] body = answer.body();
        if (body.length == 0) {
            return "(no message)";
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

    static RequestFailure unreadable(Answer answer, String expected, Exception cause) {
        String contentType = answer.contentType();
        return new RequestFailure(RequestFailure.Kind.UNREADABLE, answer.status(), "expected " + expected
                + ", got " + (contentType == null ? "no content type" : "'" + contentType + "'") + ": "
                + ConductorJson.excerpt(answer.body()), cause);
    }

    /** {@code value} as one segment or parameter of a URL. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String describeCause(Throwable failure) {
        Throwable cause = failure;
        // a client may wrap the I/O failure; the innermost message is the one that says what happened
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
                && (request.isTransient() || request.kind() == RequestFailure.Kind.REFUSED && token != null);
    }

    /** A one-line description of a failed request, for logs. */
    public static String describe(Throwable failure) {
        if (failure instanceof RequestFailure) {
            return failure.getMessage();
        }
        return describeCause(failure);
    }

    void close() {
        http.close();
    }
}

package io.quarkiverse.conductor.worker.runtime.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;

/**
 * The Conductor task API as the runtime uses it: empty polls as an empty list whatever the server's dialect, and
 * results sent with {@code update-v2} (which hands back the next task) when the server has it.
 */
public class TaskApiClient {

    private static final Logger LOG = Logger.getLogger(TaskApiClient.class);

    private final ConductorTaskApi api;
    private final URI serverUrl;
    private final boolean authenticated;
    private volatile boolean updateV2Supported = true;

    /**
     * @param token the access token to send, or {@code null} when the server needs none
     */
    public TaskApiClient(URI serverUrl, Duration connectTimeout, Duration readTimeout, int connectionPoolSize,
            AccessToken token) {
        QuarkusRestClientBuilder builder = builder(serverUrl, connectTimeout, readTimeout, connectionPoolSize);
        if (token != null) {
            builder.register(new AccessTokenFilter(token));
        }
        this.api = builder.build(ConductorTaskApi.class);
        this.serverUrl = serverUrl;
        this.authenticated = token != null;
    }

    static QuarkusRestClientBuilder builder(URI serverUrl, Duration connectTimeout, Duration readTimeout,
            int connectionPoolSize) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(serverUrl)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, connectionPoolSize)
                // a stack trace per request is measurable on the hot path and says nothing the message does not
                .property(QuarkusRestClientProperties.CAPTURE_STACKTRACE, false);
    }

    public URI serverUrl() {
        return serverUrl;
    }

    /**
     * Takes up to {@code count} tasks, the server waiting up to {@code timeout} for tasks to arrive.
     *
     * @param domain the domain, or {@code null} for none (the parameter is then left out: an empty domain matches
     *        nothing)
     */
    public Uni<List<Task>> poll(String taskType, String workerId, String domain, int count, Duration timeout) {
        return api.batchPoll(taskType, workerId, domain, count, (int) timeout.toMillis())
                .map(response -> {
                    List<Task> tasks = response.getEntity();
                    return tasks == null ? List.<Task> of() : tasks;
                });
    }

    /**
     * Sends a result. With {@code takeNext}, asks for the next task of the same type in the same call and returns it
     * ({@code null} if there is none, or if the server cannot hand one out that way).
     */
    public Uni<Task> update(TaskResult result, boolean takeNext) {
        if (!takeNext || !updateV2Supported) {
            return api.update(result).map(taskId -> (Task) null);
        }
        return api.updateV2(result)
                .map(RestResponse::getEntity)
                .onFailure(TaskApiClient::isNotFoundOrNotAllowed)
                .recoverWithUni(failure -> updateWithoutV2(result));
    }

    /**
     * {@code update-v2} was refused: either the server does not have it, or the task is unknown. The plain update tells
     * which: if it works, the server lacks {@code update-v2}, and it is not tried again.
     */
    private Uni<Task> updateWithoutV2(TaskResult result) {
        return api.update(result).invoke(() -> {
            if (updateV2Supported) {
                updateV2Supported = false;
                LOG.infof("The Conductor server at %s has no POST /tasks/update-v2; results are sent with POST /tasks",
                        ServerUrl.forLogs(serverUrl.toString()));
            }
        }).map(taskId -> (Task) null);
    }

    public Uni<Task> getTask(String taskId) {
        return api.getTask(taskId);
    }

    public Uni<String> updateByReferenceName(String workflowId, String taskRefName, TaskResult.Status status,
            String workerId, Map<String, Object> output) {
        return api.updateByReferenceName(workflowId, taskRefName, status, workerId, output);
    }

    public Uni<Void> log(String taskId, String line) {
        return api.log(taskId, line);
    }

    /**
     * Whether trying again later may succeed: the server or the network failed, not the request; or the access token
     * was refused, and is being renewed.
     */
    public boolean isRetryable(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return status >= 500 || status == 429 || status == 408 || status == 401 && authenticated;
        }
        return failure instanceof IOException || failure instanceof TimeoutException
                || failure.getCause() instanceof IOException || failure.getCause() instanceof TimeoutException
                || failure instanceof io.vertx.core.VertxException;
    }

    private static boolean isNotFoundOrNotAllowed(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return status == 404 || status == 405;
        }
        return false;
    }

    /** A one-line description of a failed request, for logs. */
    public static String describe(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            return "HTTP " + web.getResponse().getStatus() + " " + web.getResponse().getStatusInfo().getReasonPhrase();
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}

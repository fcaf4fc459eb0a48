package io.quarkiverse.conductor.worker.runtime.client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkiverse.conductor.worker.model.Workflow;
import io.smallrye.mutiny.Uni;

/**
 * The workflow API as the {@code WorkflowClient} uses it: requests written and answers read with Conductor's JSON, every
 * answer sorted by {@link TaskApiClient#sent}.
 */
public class WorkflowApiClient {

    private final ConductorWorkflowApi api;

    /**
     * @param token the access token to send, or {@code null} when the server needs none
     */
    public WorkflowApiClient(URI serverUrl, ClientOptions options, AccessToken token) {
        this.api = ConductorApiClients.build(serverUrl, options, token, ConductorWorkflowApi.class);
    }

    /** Starts a workflow; {@code request} is a {@code StartWorkflowRequest} JSON object. Completes with its id. */
    public Uni<String> start(byte[] request) {
        return sent(api.start(request)).map(response -> {
            byte[] body = TaskApiClient.body(response);
            String id = body == null ? "" : new String(body, StandardCharsets.UTF_8).trim();
            if (id.isEmpty()) {
                throw new RequestFailure(RequestFailure.Kind.UNREADABLE, response.getStatus(),
                        "expected the id of the workflow started, got an empty answer", null);
            }
            return id;
        });
    }

    public Uni<Workflow> get(String workflowId, boolean includeTasks) {
        return sent(api.get(workflowId, includeTasks)).map(response -> {
            try {
                Workflow workflow = ConductorJson.read(TaskApiClient.body(response), Workflow.class);
                if (workflow == null) {
                    throw new IOException("no workflow");
                }
                return workflow;
            } catch (IOException | RuntimeException e) {
                throw new RequestFailure(RequestFailure.Kind.UNREADABLE, response.getStatus(),
                        "expected a workflow, got " + ConductorJson.excerpt(TaskApiClient.body(response)), e);
            }
        });
    }

    public Uni<Void> terminate(String workflowId, String reason) {
        return sent(api.terminate(workflowId, reason)).replaceWithVoid();
    }

    private static Uni<RestResponse<byte[]>> sent(Uni<RestResponse<byte[]>> request) {
        return TaskApiClient.sent(request.map(ConductorApiErrors::withValidationErrors));
    }
}

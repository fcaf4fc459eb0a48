package io.quarkiverse.conductor.worker.runtime.client;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/**
 * Reads and writes task and workflow definitions as JSON trees. As with {@link TaskApiClient}, a request that does not
 * get its expected answer fails with a {@link RequestFailure}; the answers that mean "there is none" ({@code 404} to a
 * read) and "there is one already" ({@code 409} to a workflow creation) are results.
 */
public class MetadataApiClient {

    private final ConductorMetadataApi api;

    /**
     * @param token the access token to send, or {@code null} when the server needs none
     */
    public MetadataApiClient(URI serverUrl, ClientOptions options, AccessToken token) {
        this.api = ConductorApiClients.build(serverUrl, options, token, ConductorMetadataApi.class);
    }

    /** The task definition named {@code name}, or empty if the server has none. */
    public Uni<Optional<ObjectNode>> getTaskDefinition(String name) {
        return found(api.getTaskDefinition(name), "a task definition");
    }

    /** Creates {@code definition}; a definition of that name is overwritten, its creation time reset. */
    public Uni<Void> createTaskDefinition(ObjectNode definition) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode().add(definition);
        return sent(api.createTaskDefinitions(ConductorJson.write(list))).replaceWithVoid();
    }

    /** Replaces the definition of {@code definition}'s name, which the server must have; its creation time stays. */
    public Uni<Void> updateTaskDefinition(ObjectNode definition) {
        return sent(api.updateTaskDefinition(ConductorJson.write(definition))).replaceWithVoid();
    }

    /** The workflow definition {@code name} at {@code version}, or empty if the server has none. */
    public Uni<Optional<ObjectNode>> getWorkflowDefinition(String name, int version) {
        return found(api.getWorkflowDefinition(name, version), "a workflow definition");
    }

    /**
     * Creates {@code definition}; completes with {@code false}, writing nothing, if the server has its name and version
     * already (another instance of the application may have just created it).
     */
    public Uni<Boolean> createWorkflowDefinition(ObjectNode definition) {
        return sent(api.createWorkflowDefinition(ConductorJson.write(definition))).map(response -> true)
                .onFailure(failure -> failure instanceof RequestFailure request && request.status() == 409)
                .recoverWithItem(false);
    }

    /** Replaces the workflow definition of {@code definition}'s name and version, with the fields it is sent. */
    public Uni<Void> updateWorkflowDefinition(ObjectNode definition) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode().add(definition);
        return sent(api.updateWorkflowDefinitions(ConductorJson.write(list))).invoke(response -> {
            // the server answers 200 for the batch, and says per definition whether it failed
            JsonNode errors = tree(response, "a bulk response").path("bulkErrorResults");
            if (errors.isObject() && !errors.isEmpty()) {
                throw new RequestFailure(RequestFailure.Kind.REJECTED, response.getStatus(),
                        errors.properties().iterator().next().getValue().asText(), null);
            }
        }).replaceWithVoid();
    }

    private static Uni<RestResponse<byte[]>> sent(Uni<RestResponse<byte[]>> request) {
        return TaskApiClient.sent(request.map(ConductorApiErrors::withValidationErrors));
    }

    private static Uni<Optional<ObjectNode>> found(Uni<RestResponse<byte[]>> request, String expected) {
        return sent(request).map(response -> {
            JsonNode definition = tree(response, expected);
            if (!definition.isObject()) {
                throw unreadable(response, expected, null);
            }
            return Optional.of((ObjectNode) definition);
        }).onFailure(failure -> failure instanceof RequestFailure refused && refused.status() == 404)
                .recoverWithItem(Optional.empty());
    }

    private static JsonNode tree(RestResponse<byte[]> response, String expected) {
        try {
            JsonNode tree = ConductorJson.tree(TaskApiClient.body(response));
            if (tree == null) {
                throw unreadable(response, expected, null);
            }
            return tree;
        } catch (IOException | RuntimeException e) {
            if (e instanceof RequestFailure failure) {
                throw failure;
            }
            throw unreadable(response, expected, e);
        }
    }

    private static RequestFailure unreadable(RestResponse<byte[]> response, String expected, Exception cause) {
        return new RequestFailure(RequestFailure.Kind.UNREADABLE, response.getStatus(), "expected " + expected + ", got "
                + ConductorJson.excerpt(TaskApiClient.body(response)), cause);
    }
}

package io.quarkiverse.conductor.worker.runtime.client;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.conductor.worker.runtime.client.ConductorHttp.Answer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;

/**
 * Reads and writes task and workflow definitions ({@code /api/metadata}) as JSON trees. As with {@link TaskApiClient}, a
 * request that does not get its expected answer fails with a {@link RequestFailure}; the answers that mean "there is
 * none" ({@code 404} to a read) and "there is one already" ({@code 409} to a workflow creation) are results.
 * <p>
 * The requests go on the task API client's connection: the registration runs at start-up, while the first polls are
 * out, and a client of its own (a REST client, as it was) cost the start a second HTTP stack to load and connect; a
 * server that cannot be reached, or a TLS setting that does not fit, is also told the same way as for the workers.
 * <p>
 * What each request does on a Conductor OSS server (3.32): {@code POST /taskdefs} creates or overwrites, and resets the
 * creation time; {@code PUT /taskdefs} updates and keeps it, but answers {@code 404} for a new name; {@code POST
 * /workflow} creates, and answers {@code 409} for a name and version the server has; {@code PUT /workflow} creates or
 * overwrites and stores the creation time it is sent.
 */
public class MetadataApiClient {

    private final TaskApiClient connection;

    public MetadataApiClient(TaskApiClient connection) {
        this.connection = connection;
    }

    /** The task definition named {@code name}, or empty if the server has none. */
    public Uni<Optional<ObjectNode>> getTaskDefinition(String name) {
        return found(HttpMethod.GET, "/metadata/taskdefs/" + TaskApiClient.encode(name), "a task definition");
    }

    /** Creates {@code definition}; a definition of that name is overwritten, its creation time reset. */
    public Uni<Void> createTaskDefinition(ObjectNode definition) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode().add(definition);
        return sent(HttpMethod.POST, "/metadata/taskdefs", list).replaceWithVoid();
    }

    /** Replaces the definition of {@code definition}'s name, which the server must have; its creation time stays. */
    public Uni<Void> updateTaskDefinition(ObjectNode definition) {
        return sent(HttpMethod.PUT, "/metadata/taskdefs", definition).replaceWithVoid();
    }

    /** The workflow definition {@code name} at {@code version}, or empty if the server has none. */
    public Uni<Optional<ObjectNode>> getWorkflowDefinition(String name, int version) {
        return found(HttpMethod.GET, "/metadata/workflow/" + TaskApiClient.encode(name) + "?version=" + version,
                "a workflow definition");
    }

    /**
     * Creates {@code definition}; completes with {@code false}, writing nothing, if the server has its name and version
     * already (another instance of the application may have just created it).
     */
    public Uni<Boolean> createWorkflowDefinition(ObjectNode definition) {
        return sent(HttpMethod.POST, "/metadata/workflow", definition).map(answer -> true)
                .onFailure(failure -> failure instanceof RequestFailure request && request.status() == 409)
                .recoverWithItem(false);
    }

    /** Replaces the workflow definition of {@code definition}'s name and version, with the fields it is sent. */
    public Uni<Void> updateWorkflowDefinition(ObjectNode definition) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode().add(definition);
        return sent(HttpMethod.PUT, "/metadata/workflow", list).invoke(answer -> {
            // the server answers 200 for the batch, and says per definition whether it failed
            JsonNode errors = tree(answer, "a bulk response").path("bulkErrorResults");
            if (errors.isObject() && !errors.isEmpty()) {
                throw new RequestFailure(RequestFailure.Kind.REJECTED, answer.status(),
                        errors.properties().iterator().next().getValue().asText(), null);
            }
        }).replaceWithVoid();
    }

    private Uni<Answer> sent(HttpMethod method, String path, JsonNode body) {
        // written where the Uni is subscribed, as every request of a retried registration is sent anew
        return Uni.createFrom().deferred(() -> TaskApiClient.uni(exchange(method, path, ConductorJson.write(body))));
    }

    private Future<Answer> exchange(HttpMethod method, String path, byte[] body) {
        return connection.exchange(method, path, body);
    }

    private Uni<Optional<ObjectNode>> found(HttpMethod method, String path, String expected) {
        return Uni.createFrom().deferred(() -> TaskApiClient.uni(exchange(method, path, null))).map(answer -> {
            JsonNode definition = tree(answer, expected);
            if (!definition.isObject()) {
                throw TaskApiClient.unreadable(answer, expected, null);
            }
            return Optional.of((ObjectNode) definition);
        }).onFailure(failure -> failure instanceof RequestFailure refused && refused.status() == 404)
                .recoverWithItem(Optional.empty());
    }

    private static JsonNode tree(Answer answer, String expected) {
        JsonNode tree;
        try {
            tree = ConductorJson.tree(answer.body());
        } catch (IOException | RuntimeException e) {
            throw TaskApiClient.unreadable(answer, expected, e);
        }
        if (tree == null) {
            throw TaskApiClient.unreadable(answer, expected, null);
        }
        return tree;
    }
}

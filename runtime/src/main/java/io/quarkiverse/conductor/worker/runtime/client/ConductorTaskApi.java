package io.quarkiverse.conductor.worker.runtime.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/**
 * The worker's part of the Conductor server's task API ({@code /api/tasks}). Bodies go both ways as bytes: the JSON is
 * read and written by {@link ConductorJson}, never by the application's mapper, and every answer, whatever its status,
 * comes back to {@link TaskApiClient} to be sorted (the client's default exception mapper is off). Every call is
 * non-blocking: a long poll holds a connection, never a thread.
 */
@Path("/tasks")
public interface ConductorTaskApi {

    /**
     * Takes up to {@code count} tasks of type {@code taskType}; with {@code timeout} milliseconds, the server holds the
     * poll until it has all of them or the timeout ends. Current servers answer an empty poll with {@code 200 []}, older
     * ones with {@code 204}.
     */
    @GET
    @Path("/poll/batch/{taskType}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<RestResponse<byte[]>> batchPoll(@PathParam("taskType") String taskType, @QueryParam("workerid") String workerId,
            @QueryParam("domain") String domain, @QueryParam("count") int count, @QueryParam("timeout") int timeout);

    /** Records a task's result ({@code TaskResult} JSON); answers with the task id. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    Uni<RestResponse<byte[]>> update(byte[] result);

    @GET
    @Path("/{taskId}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<RestResponse<byte[]>> getTask(@PathParam("taskId") String taskId);

    /** Records the result of the task {@code taskRefName} of workflow {@code workflowId}; answers with the task id. */
    @POST
    @Path("/{workflowId}/{taskRefName}/{status}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    Uni<RestResponse<byte[]>> updateByReferenceName(@PathParam("workflowId") String workflowId,
            @PathParam("taskRefName") String taskRefName, @PathParam("status") String status,
            @QueryParam("workerid") String workerId, byte[] output);

    /** Adds a line to a task's execution log; the server stores the body as it is, so it goes as plain text. */
    @POST
    @Path("/{taskId}/log")
    @Consumes(MediaType.TEXT_PLAIN)
    Uni<RestResponse<byte[]>> log(@PathParam("taskId") String taskId, String line);
}

package io.quarkiverse.conductor.worker.runtime.client;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.smallrye.mutiny.Uni;

/**
 * The worker's part of the Conductor server's task API ({@code /api/tasks}). Every call is non-blocking: a long poll
 * holds a connection, never a thread.
 */
@Path("/tasks")
public interface ConductorTaskApi {

    /**
     * Takes up to {@code count} tasks of type {@code taskType}, waiting up to {@code timeout} milliseconds for the first
     * one. Current servers answer an empty poll with {@code 200 []}, older ones with {@code 204}.
     */
    @GET
    @Path("/poll/batch/{taskType}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<RestResponse<List<Task>>> batchPoll(@PathParam("taskType") String taskType, @QueryParam("workerid") String workerId,
            @QueryParam("domain") String domain, @QueryParam("count") int count, @QueryParam("timeout") int timeout);

    /** Records a task's result; answers with the task id. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    Uni<String> update(TaskResult result);

    /**
     * Records a task's result and takes the next task of the same type, if any ({@code 204} otherwise), saving a poll.
     * Servers without it answer {@code 404} or {@code 405}.
     */
    @POST
    @Path("/update-v2")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<RestResponse<Task>> updateV2(TaskResult result);

    @GET
    @Path("/{taskId}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Task> getTask(@PathParam("taskId") String taskId);

    /** Records the result of the task {@code taskRefName} of workflow {@code workflowId}; answers with the task id. */
    @POST
    @Path("/{workflowId}/{taskRefName}/{status}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    Uni<String> updateByReferenceName(@PathParam("workflowId") String workflowId,
            @PathParam("taskRefName") String taskRefName, @PathParam("status") TaskResult.Status status,
            @QueryParam("workerid") String workerId, Map<String, Object> output);

    /** Adds a line to a task's execution log; the server stores the body as it is, so it goes as plain text. */
    @POST
    @Path("/{taskId}/log")
    @Consumes(MediaType.TEXT_PLAIN)
    Uni<Void> log(@PathParam("taskId") String taskId, String line);
}

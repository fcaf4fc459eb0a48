package io.quarkiverse.conductor.worker.runtime.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/**
 * The part of the Conductor server's metadata API ({@code /api/metadata}) that registers task and workflow definitions.
 * As for {@link ConductorTaskApi}, bodies are bytes written and read by {@link ConductorJson}, and every answer comes
 * back to be sorted.
 * <p>
 * What each request does on a Conductor OSS server (3.32): {@code POST /taskdefs} creates or overwrites, and resets the
 * creation time; {@code PUT /taskdefs} updates and keeps it, but answers {@code 404} for a new name; {@code POST
 * /workflow} creates, and answers {@code 409} for a name and version the server has; {@code PUT /workflow} creates or
 * overwrites and stores the creation time it is sent.
 */
@Path("/metadata")
public interface ConductorMetadataApi {

    /** The task definition named {@code name}; {@code 404} if there is none. */
    @GET
    @Path("/taskdefs/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<RestResponse<byte[]>> getTaskDefinition(@PathParam("name") String name);

    /** Creates (or overwrites) the task definitions of a JSON array. */
    @POST
    @Path("/taskdefs")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<byte[]>> createTaskDefinitions(byte[] definitions);

    /** Updates a task definition the server has; {@code 404} if it has none of that name. */
    @PUT
    @Path("/taskdefs")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<byte[]>> updateTaskDefinition(byte[] definition);

    /** The workflow definition {@code name} at {@code version}; {@code 404} if there is none. */
    @GET
    @Path("/workflow/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<RestResponse<byte[]>> getWorkflowDefinition(@PathParam("name") String name,
            @QueryParam("version") int version);

    /** Creates a workflow definition; {@code 409} if the server has its name and version. */
    @POST
    @Path("/workflow")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<byte[]>> createWorkflowDefinition(byte[] definition);

    /** Creates or overwrites the workflow definitions of a JSON array; answers with what succeeded and what failed. */
    @PUT
    @Path("/workflow")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<RestResponse<byte[]>> updateWorkflowDefinitions(byte[] definitions);
}

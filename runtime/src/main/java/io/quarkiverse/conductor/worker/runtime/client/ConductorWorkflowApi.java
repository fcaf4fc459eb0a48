package io.quarkiverse.conductor.worker.runtime.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
 * The part of the Conductor server's workflow API ({@code /api/workflow}) an application uses to run workflows. Bodies
 * are bytes written and read by {@link ConductorJson}, and every answer comes back to be sorted
 * ({@link TaskApiClient#sent}).
 */
@Path("/workflow")
public interface ConductorWorkflowApi {

    /**
     * Starts a workflow ({@code StartWorkflowRequest} JSON) and answers with its id, once its first tasks are scheduled;
     * {@code 404} if no such definition exists.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    Uni<RestResponse<byte[]>> start(byte[] request);

    /** The execution {@code workflowId}; {@code 404} if there is none. */
    @GET
    @Path("/{workflowId}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<RestResponse<byte[]>> get(@PathParam("workflowId") String workflowId,
            @QueryParam("includeTasks") boolean includeTasks);

    /** Terminates a workflow; {@code 409} if it completed, nothing if it was terminated already. */
    @DELETE
    @Path("/{workflowId}")
    Uni<RestResponse<byte[]>> terminate(@PathParam("workflowId") String workflowId, @QueryParam("reason") String reason);
}

package io.quarkiverse.conductor.worker.it.admin;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;

/**
 * The parts of the Conductor API that define and run workflows, which are the application's business rather than the
 * workers': the demo and the tests use them to set the stage. Its URL follows {@code quarkus.conductor.server-url},
 * which Dev Services set.
 */
@Path("/")
@RegisterRestClient(configKey = "conductor-admin")
public interface ConductorAdminApi {

    /** Conductor's JSON, whatever the application's own mapper does (its naming strategy, say). */
    @ClientObjectMapper
    static ObjectMapper conductorJson(ObjectMapper defaultMapper) {
        return new ObjectMapper().findAndRegisterModules()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** Creates or replaces task definitions. */
    @POST
    @Path("/metadata/taskdefs")
    @Consumes(MediaType.APPLICATION_JSON)
    void registerTaskDefinitions(List<TaskDefinition> definitions);

    /** Creates or replaces workflow definitions. */
    @PUT
    @Path("/metadata/workflow")
    @Consumes(MediaType.APPLICATION_JSON)
    void registerWorkflowDefinitions(List<WorkflowDefinition> definitions);

    /** Starts a workflow; answers with its id. */
    @POST
    @Path("/workflow")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    String startWorkflow(StartWorkflow request);

    @GET
    @Path("/workflow/{workflowId}")
    @Produces(MediaType.APPLICATION_JSON)
    Workflow getWorkflow(@PathParam("workflowId") String workflowId, @QueryParam("includeTasks") boolean includeTasks);
}

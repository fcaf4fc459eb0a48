package io.quarkiverse.conductor.worker.runtime.client;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The clients of the workflow and metadata APIs: same server, options and access token as the task API client, each with
 * a connection pool of its own so that an application starting many workflows never holds up the workers.
 */
@Singleton
public class ConductorApiClientsProducer {

    /** Room for an application starting workflows from many threads at once. */
    private static final int WORKFLOW_CONNECTIONS = 20;
    /** Definitions are registered one after the other. */
    private static final int METADATA_CONNECTIONS = 2;

    @Inject
    TaskApiClientProducer taskClients;

    @Produces
    @Singleton
    WorkflowApiClient workflowApiClient(TaskApiClient tasks) {
        return new WorkflowApiClient(tasks.serverUrl(),
                taskClients.sharedOptions().withConnectionPoolSize(WORKFLOW_CONNECTIONS), taskClients.sharedToken());
    }

    @Produces
    @Singleton
    MetadataApiClient metadataApiClient(TaskApiClient tasks) {
        return new MetadataApiClient(tasks.serverUrl(),
                taskClients.sharedOptions().withConnectionPoolSize(METADATA_CONNECTIONS), taskClients.sharedToken());
    }
}

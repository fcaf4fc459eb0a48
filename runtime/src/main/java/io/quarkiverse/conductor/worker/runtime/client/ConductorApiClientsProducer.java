package io.quarkiverse.conductor.worker.runtime.client;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The clients of the workflow and metadata APIs, to the same server, the same way, with the same access token as the
 * task API client. The metadata client shares its connection (definitions are registered one at a time, at
 * start-up); the workflow client has a pool of its own, so that an application starting many workflows never holds
 * up the workers.
 */
@Singleton
public class ConductorApiClientsProducer {

    /** Room for an application starting workflows from many threads at once. */
    private static final int WORKFLOW_CONNECTIONS = 20;

    @Produces
    @Singleton
    WorkflowApiClient workflowApiClient(TaskApiClient tasks) {
        return new WorkflowApiClient(tasks.serverUrl(), tasks.options().withConnectionPoolSize(WORKFLOW_CONNECTIONS),
                tasks.token());
    }

    @Produces
    @Singleton
    MetadataApiClient metadataApiClient(TaskApiClient tasks) {
        return new MetadataApiClient(tasks);
    }
}

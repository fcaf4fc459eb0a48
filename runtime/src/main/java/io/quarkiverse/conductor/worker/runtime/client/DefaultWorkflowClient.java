package io.quarkiverse.conductor.worker.runtime.client;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.conductor.worker.ReactiveWorkflowClient;
import io.quarkiverse.conductor.worker.WorkflowClient;
import io.quarkiverse.conductor.worker.model.StartWorkflowRequest;
import io.quarkiverse.conductor.worker.model.Workflow;

/** The blocking form of {@link ReactiveWorkflowClient}: each call waits, bounded by the HTTP client's timeouts. */
@Singleton
public class DefaultWorkflowClient implements WorkflowClient {

    private final ReactiveWorkflowClient reactive;

    @Inject
    public DefaultWorkflowClient(ReactiveWorkflowClient reactive) {
        this.reactive = reactive;
    }

    @Override
    public String startWorkflow(String name, Object input) {
        return reactive.startWorkflow(name, input).await().indefinitely();
    }

    @Override
    public String startWorkflow(StartWorkflowRequest request) {
        return reactive.startWorkflow(request).await().indefinitely();
    }

    @Override
    public Workflow getWorkflow(String workflowId, boolean includeTasks) {
        return reactive.getWorkflow(workflowId, includeTasks).await().indefinitely();
    }

    @Override
    public void terminateWorkflow(String workflowId, String reason) {
        reactive.terminateWorkflow(workflowId, reason).await().indefinitely();
    }
}

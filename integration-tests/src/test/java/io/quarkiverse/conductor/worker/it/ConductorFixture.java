package io.quarkiverse.conductor.worker.it;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkiverse.conductor.worker.it.admin.ConductorAdminApi;
import io.quarkiverse.conductor.worker.it.admin.StartWorkflow;
import io.quarkiverse.conductor.worker.it.admin.Workflow;

/**
 * Sets the stage on the Conductor server of Dev Services: registers the example definitions once, starts workflows,
 * and waits for their end.
 */
@ApplicationScoped
public class ConductorFixture {

    private static volatile boolean registered;

    @Inject
    @RestClient
    ConductorAdminApi admin;

    public ConductorAdminApi admin() {
        registerDefinitions();
        return admin;
    }

    public synchronized void registerDefinitions() {
        if (!registered) {
            admin.registerTaskDefinitions(Definitions.TASKS);
            admin.registerWorkflowDefinitions(Definitions.WORKFLOWS);
            registered = true;
        }
    }

    public String start(String workflow, Map<String, Object> input) {
        return start(StartWorkflow.of(workflow, input));
    }

    public String start(StartWorkflow request) {
        registerDefinitions();
        return admin.startWorkflow(request);
    }

    /**
     * Starts {@code count} executions of {@code workflow}, with input {@code {"n": i}}, four at a time, and returns
     * their ids in the order of {@code i}.
     */
    public List<String> startMany(String workflow, int count) {
        registerDefinitions();
        ExecutorService starters = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> started = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                int input = n;
                started.add(starters.submit(() -> admin.startWorkflow(StartWorkflow.of(workflow, Map.of("n", input)))));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : started) {
                ids.add(id.get());
            }
            return ids;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Starting " + workflow + " failed", e.getCause());
        } finally {
            starters.shutdownNow();
        }
    }

    public Workflow get(String workflowId) {
        return admin.getWorkflow(workflowId, true);
    }

    /** Waits until the workflow has ended (completed, failed, timed out or terminated) and returns it. */
    public Workflow awaitEnd(String workflowId, Duration timeout) {
        AtomicReference<Workflow> last = new AtomicReference<>();
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            last.set(get(workflowId));
            return last.get().isTerminal();
        });
        return last.get();
    }

    public Workflow awaitEnd(String workflowId) {
        return awaitEnd(workflowId, Duration.ofSeconds(60));
    }
}

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

import io.quarkiverse.conductor.worker.WorkflowClient;
import io.quarkiverse.conductor.worker.model.StartWorkflowRequest;
import io.quarkiverse.conductor.worker.model.Workflow;

/**
 * Runs workflows on the Conductor server of Dev Services, where the application registered its definitions at
 * start-up, and waits for their end.
 */
@ApplicationScoped
public class ConductorFixture {

    @Inject
    WorkflowClient workflows;

    public String start(String workflow, Map<String, Object> input) {
        return workflows.startWorkflow(workflow, input);
    }

    public String start(StartWorkflowRequest request) {
        return workflows.startWorkflow(request);
    }

    /**
     * Starts {@code count} executions of {@code workflow}, with input {@code {"n": i}}, four at a time, and returns
     * their ids in the order of {@code i}.
     */
    public List<String> startMany(String workflow, int count) {
        ExecutorService starters = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> started = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                int input = n;
                started.add(starters.submit(() -> workflows.startWorkflow(workflow, Map.of("n", input))));
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
        return workflows.getWorkflow(workflowId, true);
    }

    /** Waits until the workflow has ended (completed, failed, timed out or terminated) and returns it. */
    public Workflow awaitEnd(String workflowId, Duration timeout) {
        AtomicReference<Workflow> last = new AtomicReference<>();
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            last.set(get(workflowId));
            return last.get().getStatus().isTerminal();
        });
        return last.get();
    }

    public Workflow awaitEnd(String workflowId) {
        return awaitEnd(workflowId, Duration.ofSeconds(60));
    }
}

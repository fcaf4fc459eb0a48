package io.quarkiverse.conductor.worker.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkiverse.conductor.worker.WorkflowClient;
import io.quarkiverse.conductor.worker.model.Workflow;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The demo ({@code quarkus:dev}, see README): starts a few orders through {@code demo_order_workflow} (greetings,
 * process_order, a long-running step with callbacks) on the Conductor server of Dev Services, and prints each execution
 * as it ends. The extension registered the definitions at start-up; the workers keep running afterwards.
 */
@Singleton
public class DemoRunner {

    private static final Logger LOG = Logger.getLogger("demo");

    private static final List<Map<String, Object>> ORDERS = List.of(
            Map.of("customer", "Ada", "order_id", 1001, "sku", "LAMP-1", "quantity", 2, "sku_price", 24.5),
            Map.of("customer", "Grace", "order_id", 1002, "sku", "DESK-7", "quantity", 1, "sku_price", 199.0),
            Map.of("customer", "Linus", "order_id", 1003, "sku", "CHAIR-3", "quantity", 4, "sku_price", 89.9));

    @Inject
    WorkflowClient workflows;

    @ConfigProperty(name = "demo.enabled", defaultValue = "false")
    boolean enabled;

    void run(@Observes StartupEvent event) {
        if (enabled) {
            // off the startup thread: the application (and its workers) must be up to run the workflows
            Infrastructure.getDefaultWorkerPool().execute(this::runDemo);
        }
    }

    private void runDemo() {
        try {
            List<String> started = new ArrayList<>();
            for (Map<String, Object> order : ORDERS) {
                String id = workflows.startWorkflow(Definitions.DEMO, order);
                LOG.infof("Started %s %s for %s", Definitions.DEMO, id, order.get("customer"));
                started.add(id);
            }
            for (String id : started) {
                Workflow workflow = awaitEnd(id, Duration.ofMinutes(2));
                LOG.infof("Workflow %s %s: %s", id, workflow.getStatus(), workflow.getOutput());
            }
            LOG.info("Demo done; the workers keep polling. Start more workflows from the Dev UI (Conductor card,"
                    + " Definitions), or press q to quit.");
        } catch (RuntimeException e) {
            LOG.error("The demo failed", e);
        }
    }

    private Workflow awaitEnd(String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Workflow workflow = workflows.getWorkflow(id, false);
        while (!workflow.getStatus().isTerminal() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return workflow;
            }
            workflow = workflows.getWorkflow(id, false);
        }
        return workflow;
    }
}

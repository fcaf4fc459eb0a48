package io.quarkiverse.conductor.worker.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.conductor.worker.it.ConductorFixture;
import io.quarkiverse.conductor.worker.it.Definitions;
import io.quarkiverse.conductor.worker.it.Executions;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.Workflow;
import io.quarkiverse.conductor.worker.model.Workflow.WorkflowStatus;
import io.quarkiverse.conductor.worker.runtime.poll.WorkerPollers;
import io.quarkiverse.conductor.worker.testing.DevServicesConductorServer;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The server is killed (SIGKILL) with workflows in flight, and Dev Services start it again on the same port and
 * database: every workflow completes, and no result is given up, since the outage is shorter than the tasks' response
 * timeout (60 s): results are sent again until the server takes them. Delivery is at least once: how many tasks ran
 * more than once is printed, not hidden.
 */
@QuarkusTest
class ServerKilledAndRestartedTest {

    private static final int WORKFLOWS = 200;

    final ConductorFixture conductor = new ConductorFixture();

    @Inject
    Executions executions;

    @Inject
    WorkerPollers pollers;

    @Test
    void everyWorkflowCompletesAfterTheServerCameBack() {
        List<String> ids = conductor.startMany(Definitions.RESILIENT, WORKFLOWS);
        // a good part of the work is done, and tasks are in flight
        await().atMost(Duration.ofMinutes(2)).until(() -> ranSoFar() >= WORKFLOWS / 2);

        DevServicesConductorServer server = DevServicesConductorServer.current();
        long killed = server.pid();
        server.kill();
        long downSince = System.nanoTime();
        server.awaitRestarted(killed, Duration.ofMinutes(3));
        long downMillis = (System.nanoTime() - downSince) / 1_000_000;

        List<Task> tasks = new ArrayList<>();
        for (int n = 0; n < WORKFLOWS; n++) {
            Workflow workflow = conductor.awaitEnd(ids.get(n), Duration.ofMinutes(4));
            assertThat(workflow.getStatus()).as("workflow %s", workflow.getWorkflowId()).isEqualTo(WorkflowStatus.COMPLETED);
            assertThat(workflow.getOutput()).isEqualTo(Map.of("n", (n + 1) * 2));
            tasks.addAll(workflow.getTasks());
        }
        long executedTwice = tasks.stream().filter(task -> executions.count(task.getTaskId()) > 1).count();
        long retried = tasks.stream().filter(task -> task.getRetryCount() > 0).count();
        System.out.printf("ServerKilledAndRestartedTest: server down %d ms; %d workflows completed, 0 lost; %d task"
                + " executions, %d tasks executed twice, %d attempts retried by the server%n", downMillis, WORKFLOWS,
                tasks.size(), executedTwice, retried);
        for (String taskType : List.of("resilient_one", "resilient_two")) {
            assertThat(pollers.stats(taskType).resultsGivenUp()).as("results of %s given up", taskType).isZero();
        }
    }

    /** Tasks of the resilient workflows executed so far. */
    private long ranSoFar() {
        return pollers.stats("resilient_one").completed() + pollers.stats("resilient_two").completed();
    }
}

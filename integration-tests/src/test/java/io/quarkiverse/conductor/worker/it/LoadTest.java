package io.quarkiverse.conductor.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.conductor.worker.model.Workflow;
import io.quarkiverse.conductor.worker.model.Workflow.WorkflowStatus;
import io.quarkus.test.junit.QuarkusTest;

/**
 * 500 workflows of three tasks each, one task type per step, workers with a concurrency of 8: every workflow completes
 * with the right output, and every task is executed exactly once.
 */
@QuarkusTest
class LoadTest {

    private static final int WORKFLOWS = 500;

    final ConductorFixture conductor = new ConductorFixture();

    @Inject
    Executions executions;

    @Test
    void fiveHundredWorkflowsCompleteAndEachTaskRunsOnce() {
        List<String> ids = conductor.startMany(Definitions.LOAD, WORKFLOWS);

        for (int n = 0; n < WORKFLOWS; n++) {
            Workflow workflow = conductor.awaitEnd(ids.get(n), Duration.ofMinutes(3));
            assertThat(workflow.getStatus()).as("workflow %s", workflow.getWorkflowId()).isEqualTo(WorkflowStatus.COMPLETED);
            assertThat(workflow.getOutput()).isEqualTo(Map.of("n", (n + 1) * 2 - 3));
            assertThat(workflow.getTasks()).hasSize(3).allSatisfy(task -> {
                assertThat(task.getStatus()).isEqualTo("COMPLETED");
                assertThat(executions.count(task.getTaskId())).as("executions of task %s", task.getTaskId()).isOne();
            });
        }

    }
}

package io.quarkiverse.conductor.worker.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.conductor.worker.it.ConductorFixture;
import io.quarkiverse.conductor.worker.it.Definitions;
import io.quarkiverse.conductor.worker.it.Executions;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.Workflow;
import io.quarkiverse.conductor.worker.model.Workflow.WorkflowStatus;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A task whose method runs three times its {@code responseTimeoutSeconds} completes once: its lease is extended while
 * it runs. Without lease extension (the Conductor SDKs' default), the server times the same task out and hands it out
 * again while the first run is still going.
 */
@QuarkusTest
class LongTaskTest {

    private static final int SECONDS = 3 * Definitions.LONG_TASK_RESPONSE_TIMEOUT;

    final ConductorFixture conductor = new ConductorFixture();

    @Inject
    Executions executions;

    @Test
    void longTaskWithItsLeaseExtendedRunsOnce() {
        Workflow workflow = conductor.awaitEnd(conductor.start(Definitions.LONG_TASK, Map.of("seconds", SECONDS)));

        assertThat(workflow.getStatus()).isEqualTo(WorkflowStatus.COMPLETED);
        assertThat(workflow.getOutput()).isEqualTo(Map.of("result", "done after " + SECONDS + " s"));
        assertThat(workflow.getTasksByRefName("long_ref")).singleElement().satisfies(task -> {
            assertThat(task.getStatus()).isEqualTo("COMPLETED");
            assertThat(executions.count(task.getTaskId())).isOne();
        });
    }

    @Test
    void longTaskWithoutLeaseExtensionIsHandedOutAgain() {
        Workflow workflow = conductor.awaitEnd(conductor.start(Definitions.LONG_TASK_UNLEASED,
                Map.of("seconds", SECONDS)), Duration.ofSeconds(90));

        // the first attempt timed out while it ran, and a second one ran the same work again
        assertThat(workflow.getTasksByRefName("long_ref")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(workflow.getTasksByRefName("long_ref").get(0).getStatus()).isEqualTo("TIMED_OUT");
        assertThat(workflow.getTasksByRefName("long_ref")).extracting(Task::getTaskId)
                .allSatisfy(id -> assertThat(executions.count(id)).isOne());
    }
}

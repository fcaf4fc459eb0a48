package io.quarkiverse.conductor.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.conductor.worker.model.StartWorkflowRequest;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.Workflow;
import io.quarkiverse.conductor.worker.model.Workflow.WorkflowStatus;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Configuration decides which tasks a worker gets: {@code blue_task} polls the {@code blue} domain only, and
 * {@code paused_task} starts paused (application.properties).
 */
@QuarkusTest
class WorkerRoutingTest {

    final ConductorFixture conductor = new ConductorFixture();

    @Test
    void domainWorkerOnlyReceivesTasksOfItsDomain() {
        // queued first, so that the worker polls while it waits, and must leave it alone
        String undomained = conductor.start(Definitions.BLUE, Map.of("item", "plain"));
        String blue = conductor.start(new StartWorkflowRequest().withName(Definitions.BLUE)
                .withInput(Map.of("item", "sky")).withTaskToDomain(Map.of("blue_task", "blue")));

        Workflow done = conductor.awaitEnd(blue);

        assertThat(done.getStatus()).isEqualTo(WorkflowStatus.COMPLETED);
        assertThat(done.getOutput()).isEqualTo(Map.of("result", "blue handled sky"));
        Task untouched = conductor.get(undomained).getTasksByRefName("blue_ref").get(0);
        assertThat(untouched.getStatus()).isEqualTo("SCHEDULED");
        assertThat(untouched.getPollCount()).isZero();
    }

    @Test
    void pausedWorkerReceivesNothing() {
        String paused = conductor.start(Definitions.PAUSED, Map.of("item", "held"));
        // a workflow queued after it completes: the application polls and works, just not for the paused worker
        conductor.awaitEnd(conductor.start(Definitions.GREETINGS, Map.of("name", "after")));
        conductor.awaitEnd(conductor.start(Definitions.GREETINGS, Map.of("name", "after again")));

        Task held = conductor.get(paused).getTasksByRefName("paused_ref").get(0);
        assertThat(held.getStatus()).isEqualTo("SCHEDULED");
        assertThat(held.getPollCount()).isZero();
    }
}

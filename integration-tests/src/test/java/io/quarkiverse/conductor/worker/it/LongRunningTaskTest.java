package io.quarkiverse.conductor.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.conductor.worker.TaskClient;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.Workflow;
import io.quarkiverse.conductor.worker.model.Workflow.WorkflowStatus;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The seeds' long-running pattern: a worker keeps its task IN_PROGRESS and is called again after the callback delay,
 * or the task is completed later from elsewhere through {@link TaskClient}.
 */
@QuarkusTest
class LongRunningTaskTest {

    final ConductorFixture conductor = new ConductorFixture();

    @Inject
    TaskClient tasks;

    @Inject
    Approvals approvals;

    @Test
    void inProgressWorkerIsCalledAgainAfterItsCallbackThenCompletes() {
        Workflow workflow = conductor.awaitEnd(conductor.start(Definitions.LONG_RUNNING, Map.of("job", "nightly")));

        assertThat(workflow.getStatus()).isEqualTo(WorkflowStatus.COMPLETED);
        assertThat(workflow.getOutput()).isEqualTo(Map.of("report", Map.of("job", "nightly", "progress", 100, "done", true)));
        Task task = workflow.getTasksByRefName("long_running_ref").get(0);
        assertThat(task.getPollCount()).isEqualTo(LongRunningWorker.STEPS);
        // one second between calls, as asked
        assertThat(task.getEndTime() - task.getStartTime()).isGreaterThanOrEqualTo(2000);
    }

    @Test
    void inProgressTaskIsCompletedLaterThroughTheTaskClientByReferenceName() {
        String workflowId = conductor.start(Definitions.APPROVAL, Map.of("request", "raise budget"));
        // the worker has filed the request; the server holds the task until its callback (SCHEDULED meanwhile)
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Task> attempts = conductor.get(workflowId).getTasksByRefName("approval_ref");
            return !attempts.isEmpty() && "raise budget".equals(attempts.get(0).getOutputData().get("filed"));
        });
        assertThat(conductor.get(workflowId).getStatus()).isEqualTo(WorkflowStatus.RUNNING);

        String taskId = approvals.approve(workflowId);
        tasks.addLog(taskId, "approved by the board");

        Workflow workflow = conductor.awaitEnd(workflowId);
        assertThat(workflow.getStatus()).isEqualTo(WorkflowStatus.COMPLETED);
        assertThat(workflow.getOutput()).isEqualTo(Map.of("decision", "approved"));
        Task task = tasks.getTask(taskId);
        assertThat(task.getStatus()).isEqualTo("COMPLETED");
        assertThat(task.getReferenceTaskName()).isEqualTo("approval_ref");
    }

    @Test
    void inProgressTaskIsCompletedLaterThroughTheReactiveTaskClient() {
        String workflowId = conductor.start(Definitions.APPROVAL, Map.of("request", "buy a yacht"));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Task> attempts = conductor.get(workflowId).getTasksByRefName("approval_ref");
            return !attempts.isEmpty() && "buy a yacht".equals(attempts.get(0).getOutputData().get("filed"));
        });

        approvals.reject(workflowId, "no budget").await().atMost(Duration.ofSeconds(10));

        Workflow workflow = conductor.awaitEnd(workflowId);
        assertThat(workflow.getStatus()).isEqualTo(WorkflowStatus.COMPLETED);
        assertThat(workflow.getOutput()).isEqualTo(Map.of("decision", "rejected"));
    }
}

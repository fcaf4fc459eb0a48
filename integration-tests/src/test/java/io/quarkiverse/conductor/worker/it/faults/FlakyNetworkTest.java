package io.quarkiverse.conductor.worker.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.conductor.worker.it.ConductorFixture;
import io.quarkiverse.conductor.worker.it.Definitions;
import io.quarkiverse.conductor.worker.it.Executions;
import io.quarkiverse.conductor.worker.it.faults.FaultProxy.Exchange;
import io.quarkiverse.conductor.worker.it.faults.FaultProxy.Fault;
import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.Workflow;
import io.quarkiverse.conductor.worker.model.Workflow.WorkflowStatus;
import io.quarkiverse.conductor.worker.runtime.poll.WorkerPollers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A flaky network between the workers and the real server: 30% of the poll and result exchanges are dropped, delayed,
 * or lose their answer after the server has done its work. Every workflow completes, no result is given up, and no
 * task waits for its response timeout because the answer to its result was lost: only a task whose poll answer was
 * lost may (the server handed it to nobody), and those are counted apart.
 */
@QuarkusTest
@WithTestResource(FaultProxyResource.class)
class FlakyNetworkTest {

    private static final int WORKFLOWS = 150;

    final ConductorFixture conductor = new ConductorFixture();

    @Inject
    Executions executions;

    @Inject
    WorkerPollers pollers;

    FaultProxy proxy;

    @Test
    void everyWorkflowCompletesAndOnlyLostPollAnswersWaitForATimeout() {
        List<String> ids = conductor.startMany(Definitions.FLAKY, WORKFLOWS);

        List<Task> tasks = new ArrayList<>();
        for (int n = 0; n < WORKFLOWS; n++) {
            Workflow workflow = conductor.awaitEnd(ids.get(n), Duration.ofMinutes(4));
            assertThat(workflow.getStatus()).as("workflow %s", workflow.getWorkflowId()).isEqualTo(WorkflowStatus.COMPLETED);
            assertThat(workflow.getOutput()).isEqualTo(Map.of("n", (n + 1) * 2));
            tasks.addAll(workflow.getTasks());
        }

        Set<String> stranded = proxy.strandedByLostPolls();
        List<Task> timedOut = tasks.stream().filter(task -> "TIMED_OUT".equals(task.getStatus())).toList();
        long executedTwice = tasks.stream().filter(task -> executions.count(task.getTaskId()) > 1).count();
        System.out.printf("FlakyNetworkTest: %d workflows completed, 0 lost; %d tasks, %d timed out (all stranded by a"
                + " lost poll answer, of %d such), %d executed twice; %d results taken but unacknowledged, all resent;"
                + " exchanges: %s%n", WORKFLOWS, tasks.size(), timedOut.size(), stranded.size(), executedTwice,
                proxy.unacknowledgedResults().size(), proxy.counts());

        // the network was flaky indeed, both ways
        assertThat(proxy.count(Exchange.POLL, Fault.ANSWER_LOST)).isPositive();
        assertThat(proxy.count(Exchange.UPDATE, Fault.ANSWER_LOST)).isPositive();
        assertThat(proxy.count(Exchange.UPDATE, Fault.DROPPED)).isPositive();
        assertThat(proxy.count(Exchange.UPDATE, Fault.DELAYED)).isPositive();
        // a lost answer to a result never made its task wait for the response timeout
        assertThat(timedOut).extracting(Task::getTaskId).allSatisfy(id -> assertThat(stranded).contains(id));
        assertThat(proxy.unacknowledgedResults()).allSatisfy(id -> assertThat(timedOut).extracting(Task::getTaskId)
                .doesNotContain(id));
        for (String taskType : List.of("flaky_one", "flaky_two")) {
            assertThat(pollers.stats(taskType).resultsGivenUp()).as("results of %s given up", taskType).isZero();
        }
    }
}

package io.quarkiverse.conductor.worker.test.polling;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A worker keeps {@code long-polls} long polls open; once idle, it keeps one, whose timeout doubles after each empty
 * poll; a task makes it active again.
 */
class LongPollSpreadTest {

    /** Empty polls until the worker is idle, then one task, which makes it active again. */
    private static final int EMPTY_POLLS_BEFORE_TASK = 7;

    static final WireMock wiremock = SharedWireMock.forTestClass(LongPollSpreadTest.class, stubs -> {
        // a server holding each poll, then answering that nothing came
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < EMPTY_POLLS_BEFORE_TASK; i++) {
            answers.add(PollAnswers.emptyAfter(150));
        }
        answers.add(PollAnswers.tasks("[" + SharedWireMock.task("t-1", "spread", "{}") + "]"));
        answers.add(PollAnswers.emptyAfter(150));
        SharedWireMock.pollsAnswer(stubs, "spread", answers);
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Spread.class, SharedWireMock.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-polls", "3")
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "200ms");

    @Test
    void activeWorkerSpreadsItsLongPollsIdleWorkerKeepsOneWithGrowingTimeout() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> wiremock.verifyThat(
                postRequestedFor(urlEqualTo("/api/tasks"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-1")))));
        await().atMost(Duration.ofSeconds(10)).until(() -> polls().size() >= EMPTY_POLLS_BEFORE_TASK + 5);

        List<LoggedRequest> polls = polls();
        List<Integer> beforeTask = timeouts(polls.subList(0, EMPTY_POLLS_BEFORE_TASK + 1));
        // active at start: three long polls with the configured timeout
        assertThat(beforeTask.subList(0, 3)).containsOnly(200);
        // then idle: one at a time, whose timeout only grows, up to the servers' 5 s limit
        // (the first idle timeout is 400 ms, or more when the long polls still open came back empty before it went out)
        int firstIdle = beforeTask.indexOf(beforeTask.stream().filter(timeout -> timeout > 200).findFirst().orElseThrow());
        assertThat(beforeTask.subList(0, firstIdle)).containsOnly(200);
        List<Integer> idle = beforeTask.subList(firstIdle, beforeTask.size());
        assertThat(idle).isSorted().allSatisfy(timeout -> assertThat(timeout).isBetween(400, 5000));
        assertThat(idle).contains(5000);
        // the task made it active again: three long polls with the configured timeout (their spacing is the poll
        // strategy's, unit-tested in PollStrategyTest: arrival times here would measure the machine's load)
        List<LoggedRequest> active = polls.subList(EMPTY_POLLS_BEFORE_TASK + 1, polls.size()).stream()
                .filter(poll -> "200".equals(poll.queryParameter("timeout").firstValue())).limit(3).toList();
        assertThat(active).hasSize(3);
    }

    private static List<LoggedRequest> polls() {
        return wiremock.find(getRequestedFor(urlPathEqualTo("/api/tasks/poll/batch/spread"))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    private static List<Integer> timeouts(List<LoggedRequest> polls) {
        return polls.stream().map(poll -> Integer.valueOf(poll.queryParameter("timeout").firstValue())).toList();
    }

    static class Spread {
        @ConductorWorker("spread")
        void spread() {
        }
    }
}

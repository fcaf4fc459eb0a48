package io.quarkiverse.conductor.worker.test.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/**
 * A method that hangs cannot hold its slot forever: past the worker's {@code execution-timeout}, its task is reported
 * {@code FAILED} with a reason that says so, its thread is interrupted (a {@code Uni} is cancelled), and the slot, the
 * only one, takes the next task. What the method returns afterwards is dropped.
 */
class ExecutionTimeoutTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(ExecutionTimeoutTest.class, stubs -> {
        SharedWireMock.pollsAnswer(stubs, "hangs", List.of(
                PollAnswers.tasks("[" + SharedWireMock.task("t-hang", "hangs", "{}") + "]"),
                PollAnswers.tasks("[" + SharedWireMock.task("t-next", "hangs", "{}") + "]"),
                PollAnswers.tasks("[]")));
        SharedWireMock.pollOnceReturns(stubs, "never", "[" + SharedWireMock.task("t-never", "never", "{}") + "]");
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Hangs.class, SharedWireMock.class, PollAnswers.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            .overrideConfigKey("quarkus.conductor.workers.\"hangs\".execution-timeout", "300ms")
            .overrideConfigKey("quarkus.conductor.workers.\"never\".execution-timeout", "300ms");

    @Test
    void hungBlockingMethodIsInterruptedAndItsTaskFailed() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            wiremock.verifyThat(1, postRequestedFor(urlEqualTo("/api/tasks"))
                    .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-hang")))
                    .withRequestBody(matchingJsonPath("$.status", equalTo("FAILED")))
                    .withRequestBody(matchingJsonPath("$.reasonForIncompletion", equalTo("Task t-hang of type hangs ran"
                            + " longer than its execution timeout of PT0.3S (quarkus.conductor.workers.\"hangs\""
                            + ".execution-timeout): it was stopped and its thread interrupted"))));
            // the only slot was freed: the next task ran
            wiremock.verifyThat(1, postRequestedFor(urlEqualTo("/api/tasks"))
                    .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-next")))
                    .withRequestBody(matchingJsonPath("$.status", equalTo("COMPLETED"))));
        });
        assertThat(Hangs.INTERRUPTED.getCount()).isZero();
        // what the interrupted method returned was not sent
        wiremock.verifyThat(1, postRequestedFor(urlEqualTo("/api/tasks"))
                .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-hang"))));
    }

    @Test
    void uniThatNeverCompletesIsCancelledAndItsTaskFailed() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> wiremock.verifyThat(1,
                postRequestedFor(urlEqualTo("/api/tasks"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-never")))
                        .withRequestBody(matchingJsonPath("$.status", equalTo("FAILED")))
                        .withRequestBody(matchingJsonPath("$.reasonForIncompletion", equalTo("Task t-never of type never"
                                + " ran longer than its execution timeout of PT0.3S (quarkus.conductor.workers"
                                + ".\"never\".execution-timeout): it was stopped")))));
        await().atMost(Duration.ofSeconds(5)).untilTrue(Hangs.CANCELLED);
    }

    static class Hangs {
        static final CountDownLatch INTERRUPTED = new CountDownLatch(1);
        static final AtomicBoolean CANCELLED = new AtomicBoolean();
        static final AtomicInteger CALLS = new AtomicInteger();

        @ConductorWorker(value = "hangs", concurrency = 1)
        String hangs() {
            if (CALLS.incrementAndGet() > 1) {
                return "quick";
            }
            try {
                Thread.sleep(60_000);
                return "woke up";
            } catch (InterruptedException e) {
                INTERRUPTED.countDown();
                return "interrupted";
            }
        }

        @ConductorWorker("never")
        Uni<String> never() {
            return Uni.createFrom().<String> emitter(emitter -> {
            }).onCancellation().invoke(() -> CANCELLED.set(true));
        }
    }
}

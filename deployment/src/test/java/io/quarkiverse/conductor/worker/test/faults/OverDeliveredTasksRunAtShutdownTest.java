package io.quarkiverse.conductor.worker.test.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The server handed out three tasks to a worker with one slot; the application stops while the first runs. The two
 * that wait for the slot are still run, within the grace period, and every result is sent.
 */
class OverDeliveredTasksRunAtShutdownTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(OverDeliveredTasksRunAtShutdownTest.class,
            stubs -> SharedWireMock.pollOnceReturns(stubs, "queued", "["
                    + SharedWireMock.task("t-1", "queued", "{}") + ", "
                    + SharedWireMock.task("t-2", "queued", "{}") + ", "
                    + SharedWireMock.task("t-3", "queued", "{}") + "]"));

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Queued.class, ShutdownSignal.class, SharedWireMock.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            // checked once the application has stopped
            .assertLogRecords(OverDeliveredTasksRunAtShutdownTest::everyTaskReported);

    @Test
    void applicationStopsWhileTheFirstTaskRuns() {
        await().atMost(Duration.ofSeconds(10)).until(() -> Queued.FIRST_STARTED.getCount() == 0);
        wiremock.verifyThat(0, postRequestedFor(urlEqualTo("/api/tasks")));
    }

    private static void everyTaskReported(List<LogRecord> records) {
        for (String taskId : List.of("t-1", "t-2", "t-3")) {
            wiremock.verifyThat(1, postRequestedFor(urlEqualTo("/api/tasks"))
                    .withRequestBody(matchingJsonPath("$.taskId", equalTo(taskId)))
                    .withRequestBody(matchingJsonPath("$.status", equalTo("COMPLETED"))));
        }
    }

    @Singleton
    static class ShutdownSignal {
        static final CountDownLatch SHUTDOWN = new CountDownLatch(1);

        // after the workers stopped polling (priority PLATFORM_BEFORE, 0), before they wait for the tasks they hold
        void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
            SHUTDOWN.countDown();
        }
    }

    static class Queued {
        static final CountDownLatch FIRST_STARTED = new CountDownLatch(1);

        @ConductorWorker(value = "queued", concurrency = 1)
        void queued() throws InterruptedException {
            if (FIRST_STARTED.getCount() > 0) {
                FIRST_STARTED.countDown();
                // the first task holds the only slot until the application stops
                ShutdownSignal.SHUTDOWN.await(20, TimeUnit.SECONDS);
            }
            Thread.sleep(100);
        }
    }
}

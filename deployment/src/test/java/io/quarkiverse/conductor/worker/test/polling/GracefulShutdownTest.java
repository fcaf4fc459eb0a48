package io.quarkiverse.conductor.worker.test.polling;

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
 * At shutdown a running task finishes and its result is sent before the application exits.
 */
class GracefulShutdownTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(GracefulShutdownTest.class,
            stubs -> SharedWireMock.pollOnceReturns(stubs, "finish", "[" + SharedWireMock.task("t-slow", "finish", "{}")
                    + "]"));

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Finisher.class, ShutdownSignal.class, SharedWireMock.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            // checked once the application has stopped
            .assertLogRecords(GracefulShutdownTest::resultWasSentDuringShutdown);

    @Test
    void taskIsRunningWhenTheApplicationStops() {
        await().atMost(Duration.ofSeconds(10)).until(() -> Finisher.STARTED.getCount() == 0);
        wiremock.verifyThat(0, postRequestedFor(urlEqualTo("/api/tasks")));
    }

    private static void resultWasSentDuringShutdown(List<LogRecord> records) {
        // stopping, the worker sends with the plain update: it must not take a next task
        wiremock.verifyThat(1, postRequestedFor(urlEqualTo("/api/tasks"))
                .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-slow")))
                .withRequestBody(matchingJsonPath("$.outputData.result", equalTo("finished after shutdown began"))));
    }

    @Singleton
    static class ShutdownSignal {
        static final CountDownLatch SHUTDOWN = new CountDownLatch(1);

        // after the workers stopped polling (priority PLATFORM_BEFORE, 0), before they wait for running tasks
        void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
            SHUTDOWN.countDown();
        }
    }

    static class Finisher {
        static final CountDownLatch STARTED = new CountDownLatch(1);

        @ConductorWorker("finish")
        String finish() throws InterruptedException {
            STARTED.countDown();
            return ShutdownSignal.SHUTDOWN.await(20, TimeUnit.SECONDS) ? "finished after shutdown began" : "timed out";
        }
    }
}

package io.quarkiverse.conductor.worker.test.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A task still running when the shutdown grace period ends is named in a warning, and so is the task that waited for
 * its slot and never started: neither result will be sent, and nothing starts any more.
 */
class ShutdownGracePeriodTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(ShutdownGracePeriodTest.class,
            // two tasks for one slot: the second waits for the first, which never ends
            stubs -> SharedWireMock.pollOnceReturns(stubs, "stuck", "[" + SharedWireMock.task("t-stuck", "stuck", "{}")
                    + ", " + SharedWireMock.task("t-waiting", "stuck", "{}") + "]"));

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Stuck.class, SharedWireMock.class, LogMessages.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            .overrideConfigKey("quarkus.conductor.shutdown-grace-period", "200ms")
            .setAfterAllCustomizer(ShutdownGracePeriodTest::unfinishedTaskWasNamed);

    /**
     * The test framework stops capturing log records before the application stops, and the application's classes are
     * gone after: the warning is handed over in a system property.
     */
    private static final String WARNING = "conductor.test.shutdown-warning";

    @Test
    void taskIsStuckWhenTheApplicationStops() {
        Logger.getLogger("io.quarkiverse.conductor").addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                String text = LogMessages.text(record);
                if (record.getLevel().intValue() >= Level.WARNING.intValue() && text.contains("grace period")) {
                    System.setProperty(WARNING, text);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> Stuck.STARTED.getCount() == 0);
    }

    private static void unfinishedTaskWasNamed() {
        assertThat(System.getProperty(WARNING))
                .contains("Tasks of stuck still held after the shutdown grace period of PT0.2S")
                .contains("Running: [t-stuck (workflow wf-t-stuck)]; not started: [t-waiting (workflow wf-t-waiting)]");
    }

    static class Stuck {
        static final CountDownLatch STARTED = new CountDownLatch(1);
        static final CountDownLatch NEVER = new CountDownLatch(1);

        @ConductorWorker(value = "stuck", concurrency = 1)
        void stuck() throws InterruptedException {
            STARTED.countDown();
            NEVER.await(3, TimeUnit.SECONDS);
        }
    }
}

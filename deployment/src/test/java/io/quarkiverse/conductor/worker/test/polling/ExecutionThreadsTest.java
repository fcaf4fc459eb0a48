package io.quarkiverse.conductor.worker.test.polling;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Uni;

/**
 * Where tasks run: a blocking method on the Quarkus worker pool, a {@code @RunOnVirtualThread} method on a virtual
 * thread (Java 21+; the worker pool on older JVMs), a {@code Uni} method on the I/O thread that received the task,
 * which it must not block.
 */
class ExecutionThreadsTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(ExecutionThreadsTest.class, stubs -> {
        SharedWireMock.pollOnceReturns(stubs, "blocking", "[" + SharedWireMock.task("t-b", "blocking", "{}") + "]");
        SharedWireMock.pollOnceReturns(stubs, "virtual", "[" + SharedWireMock.task("t-v", "virtual", "{}") + "]");
        SharedWireMock.pollOnceReturns(stubs, "reactive", "[" + SharedWireMock.task("t-r", "reactive", "{}") + "]");
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, SharedWireMock.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms");

    @Test
    void eachKindOfMethodRunsOnItsKindOfThread() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String taskId : new String[] { "t-b", "t-v", "t-r" }) {
                wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/tasks"))
                        .withRequestBody(matchingJsonPath("$.taskId", equalTo(taskId))));
            }
        });

        assertThat(Workers.THREADS.get("blocking")).startsWith("executor-thread-");
        assertThat(Workers.THREADS.get("reactive")).startsWith("vert.x-eventloop-thread-");
        if (Runtime.version().feature() >= 21) {
            assertThat(Workers.THREADS.get("virtual")).startsWith("quarkus-virtual-thread-");
        } else {
            // no virtual threads before Java 21: Quarkus runs the method on its worker pool
            assertThat(Workers.THREADS.get("virtual")).startsWith("executor-thread-");
        }
    }

    static class Workers {
        static final Map<String, String> THREADS = new ConcurrentHashMap<>();

        @ConductorWorker("blocking")
        void blocking() {
            THREADS.put("blocking", Thread.currentThread().getName());
        }

        @ConductorWorker("virtual")
        @RunOnVirtualThread
        void virtual() {
            THREADS.put("virtual", Thread.currentThread().getName());
        }

        @ConductorWorker("reactive")
        Uni<Void> reactive() {
            THREADS.put("reactive", Thread.currentThread().getName());
            return Uni.createFrom().voidItem();
        }
    }
}

package io.quarkiverse.conductor.worker.test.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * While a method runs longer than its task's response timeout, the server is told every 80% of that time that the
 * task is still being worked on ({@code extendLease: true}), so that it does not hand the task out again; a worker
 * with {@code lease-extension=false} sends none.
 */
class LeaseExtensionTest {

    private static String withResponseTimeout(String taskJson, int seconds) {
        return taskJson.replace("\"pollCount\"", "\"responseTimeoutSeconds\": " + seconds + ", \"pollCount\"");
    }

    static final WireMock wiremock = SharedWireMock.forTestClass(LeaseExtensionTest.class, stubs -> {
        SharedWireMock.pollOnceReturns(stubs, "long", "[" + withResponseTimeout(SharedWireMock.task("t-long", "long",
                "{}"), 1) + "]");
        SharedWireMock.pollOnceReturns(stubs, "unleased", "[" + withResponseTimeout(SharedWireMock.task("t-unleased",
                "unleased", "{}"), 1) + "]");
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(LongWork.class, SharedWireMock.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            .overrideConfigKey("quarkus.conductor.workers.\"unleased\".lease-extension", "false");

    @Test
    void leaseIsExtendedWhileTheMethodRunsThenTheResultIsSent() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> wiremock.verifyThat(1,
                postRequestedFor(urlEqualTo("/api/tasks")).withRequestBody(matchingJsonPath("$.taskId",
                        equalTo("t-long"))).withRequestBody(matchingJsonPath("$.status", equalTo("COMPLETED")))));

        List<LoggedRequest> updates = wiremock.find(postRequestedFor(urlEqualTo("/api/tasks"))
                .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-long")))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
        List<LoggedRequest> leases = updates.subList(0, updates.size() - 1);
        // 2.6 s of work, a lease every 0.8 s: three
        assertThat(leases).hasSize(3).allSatisfy(lease -> assertThat(lease.getBodyAsString())
                .contains("\"extendLease\":true", "\"status\":\"IN_PROGRESS\"", "\"workflowInstanceId\":\"wf-t-long\""));
        for (int i = 1; i < leases.size(); i++) {
            assertThat(leases.get(i).getLoggedDate().getTime() - leases.get(i - 1).getLoggedDate().getTime())
                    .isBetween(600L, 1000L);
        }
        assertThat(updates.get(updates.size() - 1).getBodyAsString()).contains("\"extendLease\":false");
    }

    @Test
    void workerWithoutLeaseExtensionSendsNone() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> wiremock.verifyThat(1,
                postRequestedFor(urlEqualTo("/api/tasks")).withRequestBody(matchingJsonPath("$.taskId",
                        equalTo("t-unleased")))));
        wiremock.verifyThat(0, postRequestedFor(urlEqualTo("/api/tasks"))
                .withRequestBody(matchingJsonPath("$.taskId", equalTo("t-unleased")))
                .withRequestBody(matchingJsonPath("$.extendLease", equalTo("true"))));
    }

    static class LongWork {
        @ConductorWorker("long")
        String work() throws InterruptedException {
            Thread.sleep(2600);
            return "done";
        }

        @ConductorWorker("unleased")
        String unleased() throws InterruptedException {
            Thread.sleep(2600);
            return "done";
        }
    }
}

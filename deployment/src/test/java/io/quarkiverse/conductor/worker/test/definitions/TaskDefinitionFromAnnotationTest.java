package io.quarkiverse.conductor.worker.test.definitions;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.InputParam;
import io.quarkiverse.conductor.worker.TaskContext;
import io.quarkiverse.conductor.worker.TaskDefinition;
import io.quarkiverse.conductor.worker.TaskDefinition.RetryLogic;
import io.quarkiverse.conductor.worker.TaskDefinition.TimeoutPolicy;
import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Every worker's task type gets a definition at start-up: what its {@code @TaskDefinition} says, the server's own
 * defaults for the rest, and the input keys its parameters bind (a whole-input record's properties included). Each
 * registration is logged once.
 */
class TaskDefinitionFromAnnotationTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(TaskDefinitionFromAnnotationTest.class, stubs -> {
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, Order.class, SharedWireMock.class, MetadataRequests.class,
                    LogMessages.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.enabled", "false")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.conductor"))
            .assertLogRecords(TaskDefinitionFromAnnotationTest::oneLinePerRegistration);

    @Test
    void eachTaskTypeIsLookedUpThenCreated() {
        assertThat(MetadataRequests.lines(wiremock)).containsExactly(
                "GET /api/metadata/taskdefs/charge_card", "POST /api/metadata/taskdefs",
                "GET /api/metadata/taskdefs/greet", "POST /api/metadata/taskdefs",
                "GET /api/metadata/taskdefs/process_order", "POST /api/metadata/taskdefs");
    }

    @Test
    void definitionsCarryTheAnnotationAndTheDefaults() {
        List<LoggedRequest> posts = wiremock.find(postRequestedFor(urlEqualTo("/api/metadata/taskdefs")));
        assertThat(posts).extracting(request -> MetadataRequests.json(request.getBodyAsString()))
                .containsExactlyInAnyOrder(
                        MetadataRequests.json("""
                                [{"name": "charge_card", "description": "charges a card", "retryCount": 5,
                                  "retryLogic": "EXPONENTIAL_BACKOFF", "retryDelaySeconds": 2, "backoffScaleFactor": 1,
                                  "timeoutSeconds": 300, "timeoutPolicy": "RETRY", "responseTimeoutSeconds": 30,
                                  "pollTimeoutSeconds": 60, "rateLimitPerFrequency": 10,
                                  "rateLimitFrequencyInSeconds": 60, "concurrentExecLimit": 4,
                                  "ownerEmail": "payments@example.com", "inputKeys": ["card", "amount"]}]"""),
                        MetadataRequests.json("""
                                [{"name": "greet", "retryCount": 3, "retryLogic": "FIXED", "retryDelaySeconds": 60,
                                  "backoffScaleFactor": 1, "timeoutSeconds": 0, "timeoutPolicy": "TIME_OUT_WF",
                                  "responseTimeoutSeconds": 3600, "rateLimitPerFrequency": 0,
                                  "rateLimitFrequencyInSeconds": 1, "inputKeys": ["name"]}]"""),
                        MetadataRequests.json("""
                                [{"name": "process_order", "retryCount": 3, "retryLogic": "FIXED",
                                  "retryDelaySeconds": 60, "backoffScaleFactor": 1, "timeoutSeconds": 0,
                                  "timeoutPolicy": "TIME_OUT_WF", "responseTimeoutSeconds": 3600,
                                  "rateLimitPerFrequency": 0, "rateLimitFrequencyInSeconds": 1,
                                  "inputKeys": ["orderId", "sku", "quantity"]}]"""));
    }

    private static void oneLinePerRegistration(List<LogRecord> records) {
        assertThat(records).extracting(LogMessages::text).filteredOn(text -> text.startsWith("Conductor task definition"))
                .containsExactlyInAnyOrder("Conductor task definition 'charge_card': created",
                        "Conductor task definition 'greet': created",
                        "Conductor task definition 'process_order': created");
    }

    public record Order(String orderId, String sku, int quantity) {
    }

    public static class Workers {

        @ConductorWorker("charge_card")
        @TaskDefinition(description = "charges a card", retryCount = 5, retryLogic = RetryLogic.EXPONENTIAL_BACKOFF, retryDelay = "2s", timeout = "5m", timeoutPolicy = TimeoutPolicy.RETRY, responseTimeout = "30s", pollTimeout = "1m", rateLimitPerFrequency = 10, rateLimitFrequency = "1m", concurrentExecLimit = 4, ownerEmail = "payments@example.com")
        public String charge(@InputParam("card") String card, double amount, TaskContext context) {
            return "charged";
        }

        @ConductorWorker("greet")
        public String greet(String name) {
            return "Hello, " + name;
        }

        @ConductorWorker("process_order")
        public String process(Order order) {
            return "order: " + order.orderId();
        }
    }
}

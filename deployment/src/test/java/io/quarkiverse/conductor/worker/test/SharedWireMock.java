package io.quarkiverse.conductor.worker.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

/**
 * A WireMock server standing in for the Conductor task API, one per test JVM.
 * <p>
 * A {@code QuarkusUnitTest} class is initialized twice, by JUnit and then by the application's class loader, so the
 * server is found through a system property and driven through WireMock's HTTP admin API; each test class resets and
 * stubs it once, before its application starts.
 */
public final class SharedWireMock {

    private static final String PORT_PROPERTY = "conductor.test.wiremock.port";

    private SharedWireMock() {
    }

    /** The client of the shared server, reset and given {@code stubs} the first time {@code testClass} asks. */
    public static WireMock forTestClass(Class<?> testClass, Consumer<WireMock> stubs) {
        WireMock wiremock = new WireMock("localhost", port());
        String stubbed = "conductor.test.wiremock.stubbed." + testClass.getName();
        synchronized (System.getProperties()) {
            if (System.getProperty(stubbed) == null) {
                System.setProperty(stubbed, "true");
                wiremock.resetMappings();
                wiremock.resetRequests();
                wiremock.resetScenarios();
                emptyPollsAndAcceptedUpdates(wiremock);
                stubs.accept(wiremock);
            }
        }
        return wiremock;
    }

    /**
     * Forgets the stubs a test step added, keeping those of an idle server, for the next step. Resetting all mappings
     * would leave a moment with none, and a poll arriving then would get WireMock's own 404.
     */
    public static void reset(WireMock wiremock) {
        for (StubMapping stub : wiremock.allStubMappings().getMappings()) {
            if (stub.getPriority() == null || stub.getPriority() < 10) {
                wiremock.removeStubMapping(stub);
            }
        }
    }

    /** The base URL of the stand-in Conductor API. */
    public static String apiUrl() {
        return "http://localhost:" + port() + "/api";
    }

    private static int port() {
        synchronized (System.getProperties()) {
            String port = System.getProperty(PORT_PROPERTY);
            if (port == null) {
                WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                        .containerThreads(64).asynchronousResponseEnabled(true).extensions(new PollAnswers()));
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
                port = String.valueOf(server.port());
                System.setProperty(PORT_PROPERTY, port);
            }
            return Integer.parseInt(port);
        }
    }

    /** What an idle server answers: no task, results and new definitions accepted. */
    static void emptyPollsAndAcceptedUpdates(WireMock wiremock) {
        wiremock.register(get(urlPathMatching("/api/tasks/poll/batch/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")));
        wiremock.register(post(urlEqualTo("/api/tasks")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("ok")));
        // the definitions registered at start-up: the server has none (404, below), and takes new ones
        wiremock.register(post(urlPathMatching("/api/metadata/(taskdefs|workflow)")).atPriority(10)
                .willReturn(aResponse().withStatus(200)));
        wiremock.register(any(urlPathMatching("/.*")).atPriority(20).willReturn(aResponse().withStatus(404)));
    }

    /** The next poll for {@code taskType} returns {@code tasksJson} (a JSON array), later polls are empty again. */
    public static void pollOnceReturns(WireMock wiremock, String taskType, String tasksJson) {
        pollsAnswer(wiremock, taskType, List.of(PollAnswers.tasks(tasksJson), PollAnswers.tasks("[]")));
    }

    /**
     * Polls for {@code taskType} get {@code answers} in order, one each, however many arrive together; the last answer
     * repeats. Answers are made with {@link PollAnswers}.
     */
    public static void pollsAnswer(WireMock wiremock, String taskType, List<Map<String, Object>> answers) {
        wiremock.register(get(urlPathEqualTo("/api/tasks/poll/batch/" + taskType)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withTransformers(PollAnswers.NAME)
                        .withTransformerParameter(PollAnswers.PARAMETER, answers)));
    }

    /**
     * A task as the server sends it when it had waited a second in the queue before the poll took it: a sign that more
     * are queued.
     */
    public static String queuedTask(String taskId, String taskType, String inputJson) {
        return task(taskId, taskType, inputJson).replace("\"pollCount\": 1,",
                "\"pollCount\": 1, \"scheduledTime\": 1000000, \"startTime\": 1001000,");
    }

    /** The results of task {@code taskId} get {@code answers} in order, one each; the last one repeats. */
    public static void updatesAnswer(WireMock wiremock, String taskId, List<Map<String, Object>> answers) {
        wiremock.register(post(urlEqualTo("/api/tasks")).atPriority(1)
                .withRequestBody(WireMock.matchingJsonPath("$.taskId", WireMock.equalTo(taskId)))
                .willReturn(aResponse().withStatus(200).withTransformers(PollAnswers.NAME)
                        .withTransformerParameter(PollAnswers.PARAMETER, answers)));
    }

    /** A task as the server sends it. */
    public static String task(String taskId, String taskType, String inputJson) {
        return "{\"taskId\": \"" + taskId + "\", \"taskType\": \"" + taskType + "\", \"status\": \"IN_PROGRESS\","
                + " \"referenceTaskName\": \"" + taskType + "_ref\", \"workflowInstanceId\": \"wf-" + taskId + "\","
                + " \"pollCount\": 1, \"inputData\": " + inputJson + "}";
    }
}

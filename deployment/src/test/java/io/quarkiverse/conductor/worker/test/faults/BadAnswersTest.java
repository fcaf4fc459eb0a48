package io.quarkiverse.conductor.worker.test.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.test.CapturedLog;
import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.PollAnswers;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * What a worker meets when the server, a proxy or the network misbehaves, case by case: malformed and truncated JSON,
 * an HTML page with {@code 200}, tasks without an id or a workflow, null, huge and deeply nested input, a 5 MB output,
 * every status from 400 to 504 on polls and on result updates, reset and empty connections, answers slower than the
 * read timeout. Each case gives its documented outcome and log, and a good task afterwards still completes: nothing
 * stops the worker.
 */
class BadAnswersTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(BadAnswersTest.class, stubs -> {
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Corpus.class, SharedWireMock.class, PollAnswers.class,
                    CapturedLog.class, LogMessages.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.long-poll-timeout", "100ms")
            .overrideConfigKey("quarkus.conductor.worker.long-polls", "1")
            .overrideConfigKey("quarkus.conductor.retry.initial-backoff", "20ms")
            .overrideConfigKey("quarkus.conductor.retry.max-backoff", "100ms")
            .overrideConfigKey("quarkus.conductor.read-timeout", "6s");

    /** Standard statuses from 400 to 504. */
    private static final int[] STATUSES = { 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414,
            415, 416, 417, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504 };

    private static CapturedLog log;
    private static int counter;

    @BeforeAll
    static void captureLog() {
        log = CapturedLog.ofTheExtension();
    }

    @AfterAll
    static void releaseLog() {
        log.stop();
    }

    /** One bad thing, what it is answered with, and what must follow. */
    record Case(String name, Consumer<String> stub, Consumer<Outcome> expected, String reporter) {

        Case(String name, Consumer<String> stub, Consumer<Outcome> expected) {
            this(name, stub, expected, "");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** What followed a case: the log since it began, and the result updates of its task. */
    record Outcome(String id, List<String> errors, List<String> warnings, List<String> infos,
            List<LoggedRequest> updates) {
    }

    static Stream<Case> pollAnswers() {
        List<Case> cases = new ArrayList<>();
        cases.add(unreadablePoll("malformed JSON", PollAnswers.answer(200, "application/json", "[{\"taskId\": \"t-x\", "),
                "'application/json': [{\"taskId\": \"t-x\","));
        cases.add(unreadablePoll("truncated JSON", PollAnswers.answer(200, "application/json",
                "[{\"taskId\": \"t-x\", \"workflowInstanceId\": \"w\", \"inputData\": {}}"), "[{\"taskId\": \"t-x\""));
        cases.add(unreadablePoll("HTML page with 200", PollAnswers.answer(200, "text/html",
                "<html><body>Please sign in</body></html>"), "'text/html': <html><body>Please sign in</body></html>"));
        cases.add(unreadablePoll("JSON object instead of an array", PollAnswers.answer(200, "application/json",
                "{\"tasks\": []}"), "{\"tasks\": []}"));
        cases.add(unreadablePoll("plain text with 200", PollAnswers.answer(200, "text/plain", "OK"), "'text/plain': OK"));
        cases.add(unreadablePoll("JSON null", PollAnswers.answer(200, "application/json", "null"), "null"));
        cases.add(unreadablePoll("JSON nested deeper than any task", PollAnswers.answer(200, "application/json",
                "[" + "[".repeat(3000) + "]".repeat(3000) + "]"), "[[[[["));
        for (int status : STATUSES) {
            cases.add(pollStatus(status));
        }
        cases.add(unavailablePoll("connection reset", PollAnswers.fault(Fault.CONNECTION_RESET_BY_PEER)));
        cases.add(unavailablePoll("connection closed without an answer", PollAnswers.fault(Fault.EMPTY_RESPONSE)));
        cases.add(unavailablePoll("malformed chunk", PollAnswers.fault(Fault.MALFORMED_RESPONSE_CHUNK)));
        cases.add(unavailablePoll("answer slower than the read timeout", Map.of("status", 200, "body", "[]",
                "delayMillis", 7000)));
        return cases.stream();
    }

    static Stream<Case> polledTasks() {
        List<Case> cases = new ArrayList<>();
        cases.add(badTask("task without taskId", id -> "{\"workflowInstanceId\": \"wf-" + id + "\", \"inputData\": {}}",
                "returned a task that has no taskId"));
        cases.add(badTask("task without workflowInstanceId", id -> "{\"taskId\": \"" + id + "\", \"inputData\": {}}",
                "returned a task that has no workflowInstanceId"));
        cases.add(badTask("null task", id -> "null", "returned a task that is null"));
        cases.add(badTask("task with a value of the wrong type", id -> SharedWireMock.task(id, "corpus", "{}")
                .replace("\"pollCount\": 1", "\"pollCount\": \"many\""), "returned a task that cannot be read"));
        cases.add(runs("task without taskType", id -> "{\"taskId\": \"" + id + "\", \"workflowInstanceId\": \"wf-" + id
                + "\", \"inputData\": {\"a\": 1}}", Map.of("echo", 1)));
        cases.add(runs("null input", id -> SharedWireMock.task(id, "corpus", "null"), Map.of("echo", 0)));
        cases.add(runs("huge input", id -> SharedWireMock.task(id, "corpus", "{\"text\": \"" + "x".repeat(1 << 20)
                + "\"}"), Map.of("echo", 1)));
        cases.add(runs("deeply nested input", id -> SharedWireMock.task(id, "corpus", "{\"deep\": "
                + "{\"a\": ".repeat(200) + "1" + "}".repeat(200) + "}"), Map.of("echo", 1)));
        cases.add(runs("unknown fields", id -> SharedWireMock.task(id, "corpus", "{}")
                .replace("\"pollCount\": 1", "\"pollCount\": 1, \"futureField\": {\"x\": [1, 2]}"), Map.of("echo", 0)));
        return cases.stream();
    }

    static Stream<Case> updateAnswers() {
        List<Case> cases = new ArrayList<>();
        for (int status : STATUSES) {
            cases.add(updateStatus(status));
        }
        cases.add(new Case("update: connection reset, then accepted", id -> {
            updates(id, PollAnswers.fault(Fault.CONNECTION_RESET_BY_PEER), accepted(id));
            pollOnce(id, "{}");
        }, outcome -> {
            assertThat(outcome.updates()).hasSize(2).allSatisfy(update -> assertThat(status(update)).isEqualTo("COMPLETED"));
            assertThat(outcome.errors()).isEmpty();
        }));
        cases.add(new Case("update: answer slower than the read timeout, then accepted", id -> {
            updates(id, Map.of("status", 200, "body", id, "delayMillis", 7000), accepted(id));
            pollOnce(id, "{}");
        }, outcome -> {
            assertThat(outcome.updates()).hasSize(2);
            assertThat(outcome.errors()).isEmpty();
        }));
        cases.add(new Case("5 MB output refused with 413 by a proxy", id -> {
            wiremock.register(post(urlEqualTo("/api/tasks")).atPriority(1)
                    .withRequestBody(matchingJsonPath("$.taskId", equalTo(id)))
                    .withRequestBody(matchingJsonPath("$.outputData.blob"))
                    .willReturn(aResponse().withStatus(413).withHeader("Content-Type", "text/html")
                            .withBody("<html><body>413 Request Entity Too Large</body></html>")));
            pollOnce(id, "{\"big\": true}");
        }, outcome -> {
            assertThat(outcome.updates()).hasSize(2);
            assertThat(status(outcome.updates().get(1))).isEqualTo("FAILED");
            assertThat(reason(outcome.updates().get(1))).contains("bytes of JSON) is larger than the Conductor server,"
                    + " or a proxy before it, accepts (HTTP 413: <html><body>413 Request Entity Too Large");
            assertThat(outcome.updates().get(1).getBodyAsString()).doesNotContain("xxxxxxxx");
            assertThat(outcome.warnings()).singleElement().asString().contains("reported FAILED instead");
            assertThat(outcome.errors()).isEmpty();
        }));
        return cases.stream();
    }

    // a QuarkusUnitTest runs the test methods in the application's class loader: the cases go there by name

    static Stream<String> pollAnswerNames() {
        return pollAnswers().map(Case::name);
    }

    static Stream<String> polledTaskNames() {
        return polledTasks().map(Case::name);
    }

    static Stream<String> updateAnswerNames() {
        return updateAnswers().map(Case::name);
    }

    @ParameterizedTest(name = "poll answered with {0}")
    @MethodSource("pollAnswerNames")
    void pollAnswer(String name) {
        check(named(pollAnswers(), name));
    }

    @ParameterizedTest(name = "poll brings {0}")
    @MethodSource("polledTaskNames")
    void polledTask(String name) {
        check(named(polledTasks(), name));
    }

    @ParameterizedTest(name = "result update answered with {0}")
    @MethodSource("updateAnswerNames")
    void updateAnswer(String name) {
        check(named(updateAnswers(), name));
    }

    private static Case named(Stream<Case> cases, String name) {
        return cases.filter(candidate -> candidate.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void noResultEverAsksForANextTask() {
        // a request whose answer may be lost must not take a task: results go with the plain update only
        wiremock.verifyThat(0, postRequestedFor(urlEqualTo("/api/tasks/update-v2")));
    }

    private void check(Case badCase) {
        String id = "t-" + ++counter;
        String good = id + "-good";
        SharedWireMock.reset(wiremock);
        int mark = log.mark();

        badCase.stub().accept(id);

        // the case has played out once its task (or the good task beside the bad one) has reported...
        await().atMost(Duration.ofSeconds(30)).until(() -> !updatesOf(id + badCase.reporter()).isEmpty());
        // (a case with an answer slower than the 6 s read timeout needs that long, and more on a busy machine)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> badCase.expected().accept(new Outcome(id,
                log.since(mark, Level.SEVERE), log.since(mark, Level.WARNING), log.since(mark, Level.INFO),
                updatesOf(id))));
        // ...and a good task after it completes: the worker goes on
        SharedWireMock.pollsAnswer(wiremock, "corpus", List.of(PollAnswers.tasks("[" + SharedWireMock.task(good,
                "corpus", "{}") + "]"), PollAnswers.tasks("[]")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(updatesOf(good))
                .singleElement().satisfies(update -> assertThat(status(update)).isEqualTo("COMPLETED")));
    }

    // --- cases

    /** An answer the worker cannot read: one ERROR that quotes it, then back-off and polling again. */
    private static Case unreadablePoll(String name, Map<String, Object> answer, String quoted) {
        return new Case(name, id -> {
            SharedWireMock.pollsAnswer(wiremock, "corpus", List.of(answer, PollAnswers.tasks("[" + SharedWireMock
                    .task(id, "corpus", "{}") + "]"), PollAnswers.tasks("[]")));
        }, outcome -> {
            assertThat(outcome.errors()).singleElement().asString()
                    .startsWith("The answer to a poll for corpus cannot be read: HTTP 200: expected a JSON array of tasks,")
                    .contains(quoted);
            // not an outage
            assertThat(outcome.warnings()).noneMatch(warning -> warning.startsWith("Requests to the Conductor server"));
            assertThat(outcome.updates()).hasSize(1);
        });
    }

    /** No answer at all, or one the server gives when it is down: the outage log, no ERROR, polling again. */
    private static Case unavailablePoll(String name, Map<String, Object> answer) {
        return new Case(name, id -> SharedWireMock.pollsAnswer(wiremock, "corpus", List.of(answer, PollAnswers.tasks(
                "[" + SharedWireMock.task(id, "corpus", "{}") + "]"), PollAnswers.tasks("[]"))), outcome -> {
                    assertThat(outcome.errors()).isEmpty();
                    assertThat(outcome.warnings())
                            .allSatisfy(warning -> assertThat(warning).startsWith("Requests to the Conductor server"));
                    assertThat(outcome.updates()).hasSize(1);
                });
    }

    private static Case pollStatus(int status) {
        Map<String, Object> answer = PollAnswers.answer(status, "application/json", "{\"status\": " + status
                + ", \"message\": \"server says " + status + "\", \"retryable\": false}");
        if (status >= 500 || status == 429 || status == 408) {
            return unavailablePoll("HTTP " + status, answer);
        }
        return new Case("HTTP " + status, id -> SharedWireMock.pollsAnswer(wiremock, "corpus", List.of(answer,
                PollAnswers.tasks("[" + SharedWireMock.task(id, "corpus", "{}") + "]"), PollAnswers.tasks("[]"))),
                outcome -> {
                    // a 407 comes from a proxy: a connection problem, told once with the property to set
                    String expected = status == 407 ? "(polling for corpus): the proxy refused the request for want of"
                            + " credentials (407"
                            : status == 401 || status == 403
                                    ? "refuses the polls for corpus (HTTP " + status + ": server says " + status
                                            + "): it needs credentials"
                                    : "rejects the polls for corpus: HTTP " + status + ": server says " + status;
                    assertThat(outcome.errors()).singleElement().asString().contains(expected);
                    assertThat(outcome.updates()).hasSize(1);
                });
    }

    /** A poll brings a task that cannot run, and a good one: the bad one is logged and skipped, the good one runs. */
    private static Case badTask(String name, java.util.function.Function<String, String> taskJson, String logged) {
        return new Case(name, id -> {
            String sibling = id + "-sibling";
            SharedWireMock.pollsAnswer(wiremock, "corpus", List.of(PollAnswers.tasks("[" + taskJson.apply(id) + ", "
                    + SharedWireMock.task(sibling, "corpus", "{}") + "]"), PollAnswers.tasks("[]")));
            // the case is over once the sibling reported: the bad one never does
            wiremock.register(post(urlEqualTo("/api/tasks")).atPriority(5)
                    .withRequestBody(matchingJsonPath("$.taskId", equalTo(sibling)))
                    .willReturn(aResponse().withStatus(200).withBody(id)));
        }, outcome -> {
            assertThat(outcome.errors()).singleElement().asString().startsWith("A poll for corpus " + logged);
            assertThat(outcome.updates()).isEmpty();
            assertThat(updatesOf(outcome.id() + "-sibling")).singleElement()
                    .satisfies(update -> assertThat(status(update)).isEqualTo("COMPLETED"));
        }, "-sibling");
    }

    private static Case runs(String name, java.util.function.Function<String, String> taskJson,
            Map<String, Object> output) {
        return new Case(name, id -> SharedWireMock.pollsAnswer(wiremock, "corpus", List.of(PollAnswers.tasks("["
                + taskJson.apply(id) + "]"), PollAnswers.tasks("[]"))), outcome -> {
                    assertThat(outcome.errors()).isEmpty();
                    assertThat(outcome.updates()).singleElement().satisfies(update -> {
                        assertThat(status(update)).isEqualTo("COMPLETED");
                        output.forEach((key, value) -> assertThat(update.getBodyAsString())
                                .contains("\"" + key + "\":" + value));
                    });
                });
    }

    private static Case updateStatus(int status) {
        return new Case("HTTP " + status, id -> {
            // the answer to the update is in place before the task can be polled, run and reported
            updates(id, PollAnswers.answer(status, "application/json", "{\"status\": " + status
                    + ", \"message\": \"server says " + status + "\"}"), accepted(id));
            pollOnce(id, "{}");
        }, outcome -> {
            List<LoggedRequest> updates = outcome.updates();
            if (status >= 500 || status == 429 || status == 408) {
                // sent again, until it gets through
                assertThat(updates).hasSize(2).allSatisfy(update -> assertThat(status(update)).isEqualTo("COMPLETED"));
                assertThat(outcome.errors()).isEmpty();
            } else if (status == 407) {
                // a proxy refused it before the server saw it: sent again, the problem told once with what to set
                assertThat(updates).hasSize(2).allSatisfy(update -> assertThat(status(update)).isEqualTo("COMPLETED"));
                assertThat(outcome.errors()).singleElement().asString()
                        .contains("the proxy refused the request for want of credentials (407");
            } else if (status == 400 || status == 413) {
                // replaced by a failure the workflow sees
                assertThat(updates).hasSize(2);
                assertThat(status(updates.get(1))).isEqualTo("FAILED");
                assertThat(reason(updates.get(1))).contains(status == 400 ? "rejected the result of task " + outcome.id()
                        + " (COMPLETED): HTTP 400: server says 400" : "(HTTP 413: server says 413)");
                assertThat(outcome.errors()).isEmpty();
                assertThat(outcome.warnings()).singleElement().asString().contains("reported FAILED instead");
            } else if (status == 404 || status == 409) {
                // the task is gone or done: nothing to send, nothing to worry about
                assertThat(updates).hasSize(1);
                assertThat(outcome.errors()).isEmpty();
                assertThat(outcome.warnings()).isEmpty();
                assertThat(outcome.infos()).anySatisfy(info -> assertThat(info).startsWith(
                        "The Conductor server no longer has task " + outcome.id()));
            } else if (status == 401 || status == 403) {
                assertThat(updates).hasSize(1);
                assertThat(outcome.errors()).singleElement().asString().startsWith("The Conductor server refused the"
                        + " result of task " + outcome.id()).contains("HTTP " + status, "It needs credentials");
            } else {
                assertThat(updates).hasSize(1);
                assertThat(outcome.errors()).singleElement().asString().startsWith("The Conductor server rejected the"
                        + " result of task " + outcome.id()).contains("HTTP " + status + ": server says " + status);
            }
        });
    }

    // --- stubs

    private static void pollOnce(String id, String inputJson) {
        SharedWireMock.pollsAnswer(wiremock, "corpus", List.of(PollAnswers.tasks("[" + SharedWireMock.task(id, "corpus",
                inputJson) + "]"), PollAnswers.tasks("[]")));
    }

    private static Map<String, Object> accepted(String id) {
        return PollAnswers.answer(200, "text/plain", id);
    }

    /** The updates of task {@code id} get {@code answers} in order, the last one repeating. */
    @SafeVarargs
    private static void updates(String id, Map<String, Object>... answers) {
        SharedWireMock.updatesAnswer(wiremock, id, List.of(answers));
    }

    private static List<LoggedRequest> updatesOf(String id) {
        return wiremock.find(postRequestedFor(urlEqualTo("/api/tasks"))
                .withRequestBody(matchingJsonPath("$.taskId", equalTo(id)))).stream()
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    private static String status(LoggedRequest update) {
        return field(update, "status");
    }

    private static String reason(LoggedRequest update) {
        return field(update, "reasonForIncompletion");
    }

    private static String field(LoggedRequest update, String name) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(update.getBodyAsString()).path(name)
                    .asText();
        } catch (Exception e) {
            throw new IllegalStateException(update.getBodyAsString(), e);
        }
    }

    static class Corpus {
        @ConductorWorker("corpus")
        Map<String, Object> corpus(Map<String, Object> input) {
            if (Boolean.TRUE.equals(input.get("big"))) {
                return Map.of("blob", "x".repeat(5 * 1024 * 1024));
            }
            return Map.of("echo", input.size());
        }
    }
}

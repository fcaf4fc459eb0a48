package io.quarkiverse.conductor.worker.test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Serves a stub's answers in order, one per request, the last one for every request after.
 * <p>
 * WireMock scenarios do not do this reliably: two polls arriving together can both match the same scenario state, and
 * a task meant for one poll is then handed out twice. Here the answer is picked with an atomic counter per stub.
 */
public final class PollAnswers implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "poll-answers";
    public static final String PARAMETER = "answers";

    private final Map<UUID, AtomicInteger> served = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ResponseDefinition transform(ServeEvent event) {
        ResponseDefinition stubbed = event.getResponseDefinition();
        List<Map<String, Object>> answers = (List<Map<String, Object>>) stubbed.getTransformerParameters()
                .get(PARAMETER);
        int index = served.computeIfAbsent(event.getStubMapping().getId(), id -> new AtomicInteger()).getAndIncrement();
        Map<String, Object> answer = answers.get(Math.min(index, answers.size() - 1));
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.like(stubbed).but()
                .withStatus(((Number) answer.get("status")).intValue());
        if (answer.get("body") != null) {
            response.withHeader("Content-Type", (String) answer.getOrDefault("contentType", "application/json"))
                    .withBody((String) answer.get("body"));
        }
        if (answer.get("delayMillis") != null) {
            response.withFixedDelay(((Number) answer.get("delayMillis")).intValue());
        }
        if (answer.get("fault") != null) {
            response.withFault(Fault.valueOf((String) answer.get("fault")));
        }
        return response.build();
    }

    /** {@code 200} with a JSON array of tasks (or {@code []}). */
    public static Map<String, Object> tasks(String tasksJson) {
        return Map.of("status", 200, "body", tasksJson);
    }

    /** {@code 200 []} after holding the poll for {@code delayMillis}, as a long poll that found nothing. */
    public static Map<String, Object> emptyAfter(int delayMillis) {
        return Map.of("status", 200, "body", "[]", "delayMillis", delayMillis);
    }

    /** {@code status} with {@code body} as {@code contentType}: what a server, a proxy or a login page may answer. */
    public static Map<String, Object> answer(int status, String contentType, String body) {
        return Map.of("status", status, "contentType", contentType, "body", body);
    }

    /** No proper answer at all: the connection is reset, or closed without a response. */
    public static Map<String, Object> fault(Fault fault) {
        return Map.of("status", 200, "fault", fault.name());
    }

    /** {@code 204}, the empty poll of older servers. */
    public static Map<String, Object> noContent() {
        return Map.of("status", 204);
    }
}

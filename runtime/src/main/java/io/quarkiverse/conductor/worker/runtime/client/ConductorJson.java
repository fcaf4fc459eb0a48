package io.quarkiverse.conductor.worker.runtime.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.quarkiverse.conductor.worker.model.Task;
import io.quarkiverse.conductor.worker.model.TaskResult;

/**
 * The JSON of the Conductor API: the extension's own mapper, never the application's. An {@code ObjectMapperCustomizer}
 * of the application (a naming strategy, an inclusion rule, a module) changes how the application's own types are
 * written; it must not change the wire format of the server's {@link Task} and {@link TaskResult}.
 * <p>
 * Worker parameters and return values still go through the application's mapper: only the envelope is Conductor's.
 */
public final class ConductorJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();
    private static final ObjectReader TREE = MAPPER.reader();
    private static final ObjectWriter WRITER = MAPPER.writer();

    /** How much of an answer to quote in a message. */
    private static final int EXCERPT_LENGTH = 200;

    private ConductorJson() {
    }

    /**
     * The readers of tasks, made when first used: building the deserializer of {@link Task} is most of what this mapper
     * costs, and neither the registration of the definitions nor the first poll needs it.
     */
    private static final class TaskReaders {
        static final ObjectReader TASKS = MAPPER.readerForListOf(Task.class);
        static final ObjectReader TASK = MAPPER.readerFor(Task.class);
    }

    /**
     * Makes now what reading tasks and writing results needs, which would otherwise be made for the first task: the
     * pollers call it right after sending their first polls.
     */
    public static void prepare() {
        // the writer's serializer goes into the mapper's cache, where every later write finds it
        MAPPER.writerFor(TaskResult.class);
        TaskReaders.TASKS.getValueType();
    }

    static List<Task> tasks(byte[] json) throws IOException {
        return TaskReaders.TASKS.readValue(json);
    }

    static Task task(byte[] json) throws IOException {
        return TaskReaders.TASK.readValue(json);
    }

    static Task task(JsonNode json) throws IOException {
        return MAPPER.treeToValue(json, Task.class);
    }

    static JsonNode tree(byte[] json) throws IOException {
        return TREE.readTree(json);
    }

    static <T> T read(byte[] json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    /**
     * @throws IllegalArgumentException if {@code value} cannot be written, which only a worker's output can cause (it
     *         is converted to plain JSON values before it gets here)
     */
    public static byte[] write(Object value) {
        try {
            return WRITER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The start of {@code body}, on one line, to quote an answer in a log without flooding it. */
    public static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "(empty)";
        }
        String text = new String(body, 0, Math.min(body.length, EXCERPT_LENGTH * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").trim();
        return text.length() <= EXCERPT_LENGTH && body.length <= EXCERPT_LENGTH * 4 ? text
                : text.substring(0, Math.min(text.length(), EXCERPT_LENGTH)) + "... (" + body.length + " bytes)";
    }
}

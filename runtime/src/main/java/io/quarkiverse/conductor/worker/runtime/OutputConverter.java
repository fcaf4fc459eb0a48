package io.quarkiverse.conductor.worker.runtime;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a value into a task's {@code outputData}, with the application's {@link ObjectMapper}: a {@code Map}, POJO or
 * record becomes the output object; anything else is reported under {@code result} (or under the given key).
 * <p>
 * The output is converted to the plain JSON values Jackson reads back (maps, lists, strings, numbers, booleans), so
 * that an output that cannot be serialized fails here, with {@link IllegalArgumentException}, rather than in the
 * request to the server.
 */
public final class OutputConverter {

    public static final String RESULT_KEY = "result";

    private final ObjectMapper mapper;

    public OutputConverter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param outputKey the key to report the whole value under, or {@code null}
     * @throws IllegalArgumentException if the value cannot be serialized
     */
    public Map<String, Object> toOutput(Object value, String outputKey) {
        if (value == null) {
            return outputKey == null ? new HashMap<>(2) : singleEntry(outputKey, null);
        }
        Object plain = plain(value);
        if (outputKey != null) {
            return singleEntry(outputKey, plain);
        }
        return plain instanceof Map ? asOutputMap(plain) : singleEntry(RESULT_KEY, plain);
    }

    private Object plain(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return mapper.convertValue(value, Object.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asOutputMap(Object plain) {
        return (Map<String, Object>) plain;
    }

    private static Map<String, Object> singleEntry(String key, Object value) {
        Map<String, Object> output = new LinkedHashMap<>(2);
        output.put(key, value);
        return output;
    }
}

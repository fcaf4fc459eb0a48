package io.quarkiverse.conductor.worker.deployment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import io.quarkiverse.conductor.worker.runtime.TypeSpec;
import io.quarkiverse.conductor.worker.runtime.WorkerMethod;
import io.quarkiverse.conductor.worker.runtime.WorkerParameter;
import io.quarkiverse.conductor.worker.runtime.definitions.DeclaredTaskDefinition;
import io.quarkus.runtime.configuration.DurationConverter;

/**
 * Reads a worker's {@code @TaskDefinition}: the attributes written (checked against the rules a Conductor server
 * applies, so that a wrong value fails the build naming the method) and the input keys its parameters bind.
 */
final class TaskDefinitionAnalyzer {

    /** The result: the declaration, or why it is wrong. */
    record Analysis(DeclaredTaskDefinition declaration, List<String> problems) {
    }

    private static final Set<String> DURATIONS = Set.of("retryDelay", "timeout", "responseTimeout", "pollTimeout",
            "rateLimitFrequency");

    private final WorkerMethod plan;
    private final AnnotationInstance annotation;
    private final String description;
    private final List<String> problems = new ArrayList<>();

    private TaskDefinitionAnalyzer(WorkerMethod plan, AnnotationInstance annotation) {
        this.plan = plan;
        this.annotation = annotation;
        this.description = plan.getDescription();
    }

    /**
     * @param annotation the method's {@code @TaskDefinition}, or {@code null}
     */
    static Analysis analyze(WorkerMethod plan, AnnotationInstance annotation) {
        return new TaskDefinitionAnalyzer(plan, annotation).analyze();
    }

    private Analysis analyze() {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (annotation != null) {
            // only the attributes written in the source: the others come from the configuration
            for (AnnotationValue value : annotation.values()) {
                attributes.put(value.name(), text(value));
            }
            check(attributes);
        }
        if (!problems.isEmpty()) {
            return new Analysis(null, List.copyOf(problems));
        }
        return new Analysis(new DeclaredTaskDefinition(plan.getTaskName(), description, attributes, inputKeys()),
                List.of());
    }

    private static String text(AnnotationValue value) {
        switch (value.kind()) {
            case ARRAY:
                return String.join(",", value.asStringArray());
            case ENUM:
                return value.asEnum();
            default:
                return String.valueOf(value.value());
        }
    }

    private void check(Map<String, String> attributes) {
        atLeast(attributes, "retryCount", 0);
        atLeast(attributes, "backoffScaleFactor", 1);
        atLeast(attributes, "rateLimitPerFrequency", 0);
        atLeast(attributes, "concurrentExecLimit", 0);
        Map<String, Duration> durations = new LinkedHashMap<>();
        for (String attribute : DURATIONS) {
            String value = attributes.get(attribute);
            if (value != null) {
                Duration duration = duration(attribute, value);
                if (duration != null) {
                    durations.put(attribute, duration);
                }
            }
        }
        for (String attribute : List.of("responseTimeout", "rateLimitFrequency")) {
            Duration value = durations.get(attribute);
            if (value != null && value.getSeconds() < 1) {
                problems.add("Method " + description + " has @TaskDefinition(" + attribute + " = \""
                        + attributes.get(attribute) + "\"): it must be 1s or more (Conductor rejects 0)");
            }
        }
        Duration timeout = durations.get("timeout");
        Duration responseTimeout = durations.get("responseTimeout");
        if (timeout != null && responseTimeout != null && !timeout.isZero() && responseTimeout.compareTo(timeout) > 0) {
            problems.add("Method " + description + " has @TaskDefinition(timeout = \"" + attributes.get("timeout")
                    + "\", responseTimeout = \"" + attributes.get("responseTimeout") + "\"): Conductor rejects a"
                    + " response timeout longer than the timeout; shorten responseTimeout or lengthen timeout");
        }
        String inputKeys = attributes.get("inputKeys");
        if (inputKeys != null && !inputKeys.isEmpty()) {
            for (String key : inputKeys.split(",", -1)) {
                if (key.isBlank()) {
                    problems.add("Method " + description + " has @TaskDefinition(inputKeys) with an empty key: name"
                            + " each input key, or leave inputKeys out to use those the parameters bind");
                    break;
                }
            }
        }
    }

    private void atLeast(Map<String, String> attributes, String attribute, int minimum) {
        String value = attributes.get(attribute);
        if (value != null && Integer.parseInt(value) < minimum) {
            problems.add("Method " + description + " has @TaskDefinition(" + attribute + " = " + value
                    + "): it must be " + minimum + " or more");
        }
    }

    private Duration duration(String attribute, String value) {
        Duration duration;
        try {
            duration = DurationConverter.parseDuration(value);
        } catch (RuntimeException e) {
            duration = null;
        }
        if (duration == null || duration.isNegative()) {
            problems.add("Method " + description + " has @TaskDefinition(" + attribute + " = \"" + value
                    + "\"), which is not a duration of zero or more: use a value such as \"30s\", \"5m\" or \"PT1H\"");
            return null;
        }
        if (duration.getNano() != 0) {
            problems.add("Method " + description + " has @TaskDefinition(" + attribute + " = \"" + value
                    + "\"), but Conductor counts it in whole seconds: use \"" + (duration.getSeconds() + 1) + "s\"");
            return null;
        }
        return duration;
    }

    /**
     * The input keys the parameters bind: a parameter's key, or, for the one parameter that receives the whole input (a
     * POJO or record), the properties Jackson would read into it.
     */
    private List<String> inputKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (WorkerParameter parameter : plan.getParameters()) {
            switch (parameter.getSource()) {
                case INPUT_KEY:
                    keys.add(parameter.getKey());
                    break;
                case INPUT_KEY_OR_WHOLE_INPUT:
                    keys.addAll(properties(parameter.getType()));
                    break;
                default:
                    break;
            }
        }
        return List.copyOf(keys);
    }

    private static List<String> properties(TypeSpec type) {
        Class<?> raw = type.getRawType();
        if (raw == null || Map.class.isAssignableFrom(raw)) {
            return List.of();
        }
        ObjectMapper mapper = new ObjectMapper();
        JavaType javaType = mapper.constructType(raw);
        BeanDescription bean = mapper.getDeserializationConfig().introspect(javaType);
        List<String> names = new ArrayList<>();
        for (BeanPropertyDefinition property : bean.findProperties()) {
            if (property.couldDeserialize()) {
                names.add(property.getName());
            }
        }
        return names;
    }
}

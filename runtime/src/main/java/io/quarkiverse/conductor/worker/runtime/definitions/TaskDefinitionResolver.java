package io.quarkiverse.conductor.worker.runtime.definitions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.conductor.worker.TaskDefinition.RetryLogic;
import io.quarkiverse.conductor.worker.TaskDefinition.TimeoutPolicy;
import io.quarkiverse.conductor.worker.runtime.config.ConductorConfig;
import io.quarkiverse.conductor.worker.runtime.config.TaskDefinitionConfig;
import io.quarkiverse.conductor.worker.runtime.config.TaskDefinitionDefaultsConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.runtime.configuration.DurationConverter;

/**
 * Computes the task definition of each worker from {@code quarkus.conductor.worker.definition.*}, overridden by the
 * worker's {@code @TaskDefinition}, overridden by {@code quarkus.conductor.workers."task".definition.*}; and rejects the
 * values a Conductor server rejects, naming where each one was set.
 */
public final class TaskDefinitionResolver {

    /** The fields of a task definition that the application decides: every other field is left as the server has it. */
    public static final Set<String> OWNED_FIELDS = Set.of("description", "retryCount", "retryLogic", "retryDelaySeconds",
            "backoffScaleFactor", "timeoutSeconds", "timeoutPolicy", "responseTimeoutSeconds", "pollTimeoutSeconds",
            "rateLimitPerFrequency", "rateLimitFrequencyInSeconds", "concurrentExecLimit", "ownerEmail", "inputKeys");

    private static final String DEFAULTS_PREFIX = "quarkus.conductor.worker.definition.";

    /** A value and where it was set, to name it in a message. */
    record Setting<T>(T value, String source) {
    }

    private final ConductorConfig config;
    private final List<String> problems = new ArrayList<>();

    public TaskDefinitionResolver(ConductorConfig config) {
        this.config = config;
    }

    /**
     * @throws ConfigurationException listing every invalid value with where it was set
     */
    public List<DesiredDefinition> resolve(List<DeclaredTaskDefinition> declared) {
        List<DesiredDefinition> definitions = new ArrayList<>(declared.size());
        for (DeclaredTaskDefinition definition : declared) {
            definitions.add(resolve(definition));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid Conductor task definition:\n - " + String.join("\n - ", problems));
        }
        return definitions;
    }

    private DesiredDefinition resolve(DeclaredTaskDefinition declared) {
        Resolution values = new Resolution(declared, config.worker().definition(),
                Optional.ofNullable(config.workers().get(declared.getTaskName())).map(worker -> worker.definition()));
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("name", declared.getTaskName());

        Setting<String> description = values.text("description", TaskDefinitionConfig::description, defaults -> null);
        if (description.value() != null && !description.value().isBlank()) {
            json.put("description", description.value());
        }
        Setting<Integer> retryCount = values.integer("retryCount", TaskDefinitionConfig::retryCount,
                TaskDefinitionDefaultsConfig::retryCount);
        atLeast(retryCount, 0, declared);
        json.put("retryCount", retryCount.value());
        json.put("retryLogic", values.enumeration("retryLogic", RetryLogic.class, TaskDefinitionConfig::retryLogic,
                TaskDefinitionDefaultsConfig::retryLogic).value().name());
        Setting<Duration> retryDelay = values.duration("retryDelay", TaskDefinitionConfig::retryDelay,
                TaskDefinitionDefaultsConfig::retryDelay);
        json.put("retryDelaySeconds", seconds(retryDelay, 0, declared));
        Setting<Integer> scaleFactor = values.integer("backoffScaleFactor", TaskDefinitionConfig::backoffScaleFactor,
                TaskDefinitionDefaultsConfig::backoffScaleFactor);
        atLeast(scaleFactor, 1, declared);
        json.put("backoffScaleFactor", scaleFactor.value());

        Setting<Duration> timeout = values.duration("timeout", TaskDefinitionConfig::timeout,
                TaskDefinitionDefaultsConfig::timeout);
        long timeoutSeconds = seconds(timeout, 0, declared);
        json.put("timeoutSeconds", timeoutSeconds);
        json.put("timeoutPolicy", values.enumeration("timeoutPolicy", TimeoutPolicy.class,
                TaskDefinitionConfig::timeoutPolicy, TaskDefinitionDefaultsConfig::timeoutPolicy).value().name());
        Setting<Duration> responseTimeout = values.duration("responseTimeout", TaskDefinitionConfig::responseTimeout,
                TaskDefinitionDefaultsConfig::responseTimeout);
        long responseTimeoutSeconds = seconds(responseTimeout, 1, declared);
        json.put("responseTimeoutSeconds", responseTimeoutSeconds);
        if (timeoutSeconds > 0 && responseTimeoutSeconds > timeoutSeconds) {
            problems.add("task '" + declared.getTaskName() + "': the response timeout, " + format(responseTimeout)
                    + ", is longer than the timeout, " + format(timeout) + "; Conductor rejects a response timeout"
                    + " longer than a timeout that is set: shorten the response timeout to " + timeoutSeconds
                    + "s or less, or lengthen the timeout");
        }
        Setting<Duration> pollTimeout = values.duration("pollTimeout", TaskDefinitionConfig::pollTimeout,
                TaskDefinitionDefaultsConfig::pollTimeout);
        long pollTimeoutSeconds = seconds(pollTimeout, 0, declared);
        if (pollTimeoutSeconds > 0) {
            json.put("pollTimeoutSeconds", pollTimeoutSeconds);
        }

        Setting<Integer> rateLimit = values.integer("rateLimitPerFrequency", TaskDefinitionConfig::rateLimitPerFrequency,
                TaskDefinitionDefaultsConfig::rateLimitPerFrequency);
        atLeast(rateLimit, 0, declared);
        json.put("rateLimitPerFrequency", rateLimit.value());
        Setting<Duration> rateLimitFrequency = values.duration("rateLimitFrequency",
                TaskDefinitionConfig::rateLimitFrequency, TaskDefinitionDefaultsConfig::rateLimitFrequency);
        json.put("rateLimitFrequencyInSeconds", seconds(rateLimitFrequency, 1, declared));
        Setting<Integer> concurrentExecLimit = values.integer("concurrentExecLimit",
                TaskDefinitionConfig::concurrentExecLimit, TaskDefinitionDefaultsConfig::concurrentExecLimit);
        atLeast(concurrentExecLimit, 0, declared);
        if (concurrentExecLimit.value() > 0) {
            json.put("concurrentExecLimit", concurrentExecLimit.value());
        }

        Setting<String> ownerEmail = values.text("ownerEmail", TaskDefinitionConfig::ownerEmail,
                defaults -> defaults.ownerEmail().orElse(null));
        if (ownerEmail.value() != null && !ownerEmail.value().isBlank()) {
            json.put("ownerEmail", ownerEmail.value().trim());
        }
        ArrayNode inputKeys = json.putArray("inputKeys");
        values.inputKeys().forEach(inputKeys::add);
        return new DesiredDefinition(DefinitionFile.Kind.TASK, declared.getTaskName(), 0, json, OWNED_FIELDS,
                declared.getDeclaredBy());
    }

    private void atLeast(Setting<Integer> setting, int minimum, DeclaredTaskDefinition declared) {
        if (setting.value() < minimum) {
            problems.add("task '" + declared.getTaskName() + "': " + setting.source() + " is " + setting.value()
                    + ": it must be " + minimum + " or more");
        }
    }

    /** The duration in whole seconds, as Conductor counts; {@code minimum} seconds at least. */
    private long seconds(Setting<Duration> setting, int minimum, DeclaredTaskDefinition declared) {
        Duration value = setting.value();
        if (value.getNano() != 0) {
            problems.add("task '" + declared.getTaskName() + "': " + format(setting)
                    + ", but Conductor counts this in whole seconds: use a whole number of seconds, such as "
                    + Math.max(minimum, value.getSeconds() + 1) + "s");
        } else if (value.getSeconds() < minimum) {
            problems.add("task '" + declared.getTaskName() + "': " + format(setting) + ": it must be " + minimum
                    + "s or more" + (minimum == 1 ? " (Conductor rejects 0)" : ""));
        }
        return value.getSeconds();
    }

    private static String format(Setting<Duration> setting) {
        return setting.source() + " is " + setting.value().toString().substring(2).toLowerCase();
    }

    /** Where each value of one worker's definition comes from. */
    private static final class Resolution {

        private final DeclaredTaskDefinition declared;
        private final TaskDefinitionDefaultsConfig defaults;
        private final Optional<TaskDefinitionConfig> own;
        private final String ownPrefix;

        Resolution(DeclaredTaskDefinition declared, TaskDefinitionDefaultsConfig defaults,
                Optional<TaskDefinitionConfig> own) {
            this.declared = declared;
            this.defaults = defaults;
            this.own = own;
            this.ownPrefix = "quarkus.conductor.workers.\"" + declared.getTaskName() + "\".definition.";
        }

        Setting<String> text(String attribute, Function<TaskDefinitionConfig, Optional<String>> configured,
                Function<TaskDefinitionDefaultsConfig, String> fallback) {
            Optional<String> value = own.flatMap(configured);
            if (value.isPresent()) {
                return new Setting<>(value.get(), ownPrefix + property(attribute));
            }
            String annotated = declared.getAttributes().get(attribute);
            if (annotated != null) {
                return new Setting<>(annotated, annotationSource(attribute));
            }
            return new Setting<>(fallback.apply(defaults), DEFAULTS_PREFIX + property(attribute));
        }

        Setting<Integer> integer(String attribute, Function<TaskDefinitionConfig, OptionalInt> configured,
                Function<TaskDefinitionDefaultsConfig, Integer> fallback) {
            OptionalInt value = own.map(configured).orElse(OptionalInt.empty());
            if (value.isPresent()) {
                return new Setting<>(value.getAsInt(), ownPrefix + property(attribute));
            }
            String annotated = declared.getAttributes().get(attribute);
            if (annotated != null) {
                return new Setting<>(Integer.valueOf(annotated), annotationSource(attribute));
            }
            return new Setting<>(fallback.apply(defaults), DEFAULTS_PREFIX + property(attribute));
        }

        Setting<Duration> duration(String attribute, Function<TaskDefinitionConfig, Optional<Duration>> configured,
                Function<TaskDefinitionDefaultsConfig, Duration> fallback) {
            Optional<Duration> value = own.flatMap(configured);
            if (value.isPresent()) {
                return new Setting<>(value.get(), ownPrefix + property(attribute));
            }
            String annotated = declared.getAttributes().get(attribute);
            if (annotated != null) {
                return new Setting<>(DurationConverter.parseDuration(annotated), annotationSource(attribute));
            }
            return new Setting<>(fallback.apply(defaults), DEFAULTS_PREFIX + property(attribute));
        }

        <E extends Enum<E>> Setting<E> enumeration(String attribute, Class<E> type,
                Function<TaskDefinitionConfig, Optional<E>> configured, Function<TaskDefinitionDefaultsConfig, E> fallback) {
            Optional<E> value = own.flatMap(configured);
            if (value.isPresent()) {
                return new Setting<>(value.get(), ownPrefix + property(attribute));
            }
            String annotated = declared.getAttributes().get(attribute);
            if (annotated != null) {
                return new Setting<>(Enum.valueOf(type, annotated), annotationSource(attribute));
            }
            return new Setting<>(fallback.apply(defaults), DEFAULTS_PREFIX + property(attribute));
        }

        List<String> inputKeys() {
            Optional<List<String>> configured = own.flatMap(TaskDefinitionConfig::inputKeys);
            if (configured.isPresent()) {
                return configured.get();
            }
            String annotated = declared.getAttributes().get("inputKeys");
            if (annotated != null) {
                return annotated.isEmpty() ? List.of() : Arrays.asList(annotated.split(","));
            }
            return List.copyOf(new LinkedHashSet<>(declared.getBoundInputKeys()));
        }

        private String annotationSource(String attribute) {
            return "@TaskDefinition(" + attribute + ") of " + declared.getDeclaredBy();
        }

        /** {@code retryDelay} to {@code retry-delay}. */
        private static String property(String attribute) {
            return attribute.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
        }
    }
}

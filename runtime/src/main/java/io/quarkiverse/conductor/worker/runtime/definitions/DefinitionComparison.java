package io.quarkiverse.conductor.worker.runtime.definitions;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Whether the server's copy of a definition is the application's. The server answers with more than it was sent: its
 * own fields (creation time, author), and every field the definition left out, at its default value. So a field only
 * one side has counts as the same when its value is empty (null, 0, false, "", [], {}) or the server's default for that
 * field. Inside the data a definition carries (input and output parameters, variables), nothing is filled in: there the
 * two must be equal.
 * <p>
 * Numbers are compared by value ({@code 1} and {@code 1.0} are the same).
 */
public final class DefinitionComparison {

    /** Fields the server sets itself: never compared, never sent. */
    public static final Set<String> SERVER_FIELDS = Set.of("createTime", "updateTime", "createdBy", "updatedBy",
            "ownerApp");

    /** What a JSON value of a definition is, and so how it compares. */
    private interface Schema {
    }

    /** Data: compared as it is. */
    private static final Schema DATA = new Schema() {
    };

    /**
     * An object of the definition's structure: {@code defaults} are the server's values of fields left out,
     * {@code fields} the schema of each field.
     */
    private record Structure(Map<String, JsonNode> defaults, Function<String, Schema> fields) implements Schema {
    }

    private record ListOf(Schema element) implements Schema {
    }

    /** Anything else of the structure (nested settings): no default but empty values. */
    private static final Structure OTHER = new Structure(Map.of(), field -> DefinitionComparison.other());

    private static final Structure TASK_DEFINITION = new Structure(Map.ofEntries(
            Map.entry("retryCount", IntNode.valueOf(3)),
            Map.entry("timeoutPolicy", TextNode.valueOf("TIME_OUT_WF")),
            Map.entry("retryLogic", TextNode.valueOf("FIXED")),
            Map.entry("retryDelaySeconds", IntNode.valueOf(60)),
            Map.entry("responseTimeoutSeconds", IntNode.valueOf(3600)),
            Map.entry("rateLimitFrequencyInSeconds", IntNode.valueOf(1)),
            Map.entry("backoffScaleFactor", IntNode.valueOf(1)),
            Map.entry("taskStatusListenerEnabled", BooleanNode.TRUE)),
            field -> field.equals("inputTemplate") ? DATA : OTHER);

    private static final Structure WORKFLOW_TASK = new Structure(Map.of("type", TextNode.valueOf("SIMPLE")),
            DefinitionComparison::workflowTaskField);

    private static final Structure WORKFLOW = new Structure(Map.of("version", IntNode.valueOf(1),
            "schemaVersion", IntNode.valueOf(2), "restartable", BooleanNode.TRUE,
            "timeoutPolicy", TextNode.valueOf("ALERT_ONLY"), "enforceSchema", BooleanNode.TRUE),
            DefinitionComparison::workflowField);

    private DefinitionComparison() {
    }

    private static Schema other() {
        return OTHER;
    }

    private static Schema workflowField(String field) {
        switch (field) {
            case "tasks":
                return new ListOf(WORKFLOW_TASK);
            case "inputParameters":
            case "outputParameters":
            case "variables":
            case "inputTemplate":
            case "metadata":
                return DATA;
            default:
                return OTHER;
        }
    }

    private static Schema workflowTaskField(String field) {
        switch (field) {
            case "inputParameters":
                return DATA;
            case "decisionCases":
                // case value -> the tasks of that case
                return new Structure(Map.of(), value -> new ListOf(WORKFLOW_TASK));
            case "defaultCase":
            case "loopOver":
                return new ListOf(WORKFLOW_TASK);
            case "forkTasks":
                return new ListOf(new ListOf(WORKFLOW_TASK));
            case "taskDefinition":
                return TASK_DEFINITION;
            default:
                return OTHER;
        }
    }

    /** Whether the server's {@code stored} workflow definition is the application's {@code desired} one. */
    public static boolean sameWorkflow(JsonNode desired, JsonNode stored) {
        return same(WORKFLOW, desired, stored);
    }

    /** Whether the server's {@code stored} task definition has the application's values of {@code fields}. */
    public static boolean sameTask(JsonNode desired, JsonNode stored, Set<String> fields) {
        for (String field : fields) {
            if (!sameField(TASK_DEFINITION, field, desired.get(field), stored.get(field))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The server's {@code stored} task definition with the application's values of {@code fields}: what to send to update
     * it without losing what the application does not decide. Fields {@code desired} leaves out are removed.
     */
    public static ObjectNode taskUpdate(ObjectNode desired, ObjectNode stored, Set<String> fields) {
        ObjectNode update = withoutServerFields(stored);
        for (String field : fields) {
            JsonNode value = desired.get(field);
            if (value == null || value.isNull()) {
                update.remove(field);
            } else {
                update.set(field, value.deepCopy());
            }
        }
        update.set("name", desired.get("name"));
        return update;
    }

    /** {@code definition} without the fields the server sets itself. */
    public static ObjectNode withoutServerFields(ObjectNode definition) {
        ObjectNode copy = definition.deepCopy();
        copy.remove(SERVER_FIELDS);
        return copy;
    }

    private static boolean same(Schema schema, JsonNode desired, JsonNode stored) {
        if (schema instanceof Structure structure && desired.isObject() && stored.isObject()) {
            Set<String> fields = new LinkedHashSet<>();
            desired.fieldNames().forEachRemaining(fields::add);
            stored.fieldNames().forEachRemaining(fields::add);
            fields.removeAll(SERVER_FIELDS);
            for (String field : fields) {
                if (!sameField(structure, field, desired.get(field), stored.get(field))) {
                    return false;
                }
            }
            return true;
        }
        if (schema instanceof ListOf list && desired.isArray() && stored.isArray()) {
            if (desired.size() != stored.size()) {
                return false;
            }
            for (int i = 0; i < desired.size(); i++) {
                if (!same(list.element(), desired.get(i), stored.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (schema == OTHER && desired.isArray() && stored.isArray()) {
            return same(new ListOf(OTHER), desired, stored);
        }
        return equal(desired, stored);
    }

    private static boolean sameField(Structure parent, String field, JsonNode desired, JsonNode stored) {
        boolean desiredMissing = desired == null || desired.isNull();
        boolean storedMissing = stored == null || stored.isNull();
        if (desiredMissing && storedMissing) {
            return true;
        }
        if (desiredMissing || storedMissing) {
            JsonNode present = desiredMissing ? stored : desired;
            JsonNode fallback = parent.defaults().get(field);
            return fallback == null ? isEmpty(present) : equal(present, fallback);
        }
        if (isEmpty(desired) && isEmpty(stored)) {
            return true;
        }
        return same(parent.fields().apply(field), desired, stored);
    }

    private static boolean isEmpty(JsonNode value) {
        if (value.isNumber()) {
            return value.asDouble() == 0;
        }
        if (value.isBoolean()) {
            return !value.asBoolean();
        }
        if (value.isTextual()) {
            return value.asText().isEmpty();
        }
        return (value.isContainerNode() && value.isEmpty()) || value.isNull();
    }

    /** Equal JSON, numbers compared by value. */
    private static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals((x, y) -> x.isNumber() && y.isNumber() ? x.decimalValue().compareTo(y.decimalValue())
                : x.equals(y) ? 0 : 1, b);
    }
}

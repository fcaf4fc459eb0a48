package io.quarkiverse.conductor.worker.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a definition file as the Conductor server would check the definition, so that a wrong file fails the build
 * rather than the registration: what the server rejects is a problem; what it accepts but is likely a mistake (a
 * property it does not know and drops, a task type it does not know, a worker task nobody executes) is a warning.
 */
final class DefinitionFileChecker {

    /** The properties of a Conductor 3.32 {@code WorkflowDef} (and its {@code Auditable} fields). */
    static final Set<String> WORKFLOW_PROPERTIES = Set.of("name", "description", "version", "tasks", "inputParameters",
            "outputParameters", "failureWorkflow", "schemaVersion", "restartable", "workflowStatusListenerEnabled",
            "ownerEmail", "timeoutPolicy", "timeoutSeconds", "variables", "inputTemplate", "failureWorkflowVersion",
            "workflowStatusListenerSink", "rateLimitConfig", "inputSchema", "outputSchema", "enforceSchema", "metadata",
            "cacheConfig", "maskedFields", "createTime", "updateTime", "createdBy", "updatedBy", "ownerApp");

    /** The properties of a Conductor 3.32 {@code WorkflowTask}. */
    static final Set<String> WORKFLOW_TASK_PROPERTIES = Set.of("name", "taskReferenceName", "description",
            "inputParameters", "type", "dynamicTaskNameParam", "caseValueParam", "caseExpression", "scriptExpression",
            "decisionCases", "dynamicForkJoinTasksParam", "dynamicForkTasksParam", "dynamicForkTasksInputParamName",
            "defaultCase", "forkTasks", "startDelay", "subWorkflowParam", "joinOn", "sink", "optional", "taskDefinition",
            "rateLimited", "defaultExclusiveJoinTask", "asyncComplete", "loopCondition", "loopOver", "retryCount",
            "evaluatorType", "expression", "onStateChange", "joinStatus", "cacheConfig", "permissive", "joinMode",
            "metadata", "items");

    /** The properties of a Conductor 3.32 {@code TaskDef} (and its {@code Auditable} fields). */
    static final Set<String> TASK_PROPERTIES = Set.of("name", "description", "retryCount", "timeoutSeconds", "inputKeys",
            "outputKeys", "timeoutPolicy", "retryLogic", "retryDelaySeconds", "responseTimeoutSeconds",
            "concurrentExecLimit", "inputTemplate", "rateLimitPerFrequency", "rateLimitFrequencyInSeconds",
            "isolationGroupId", "executionNameSpace", "ownerEmail", "pollTimeoutSeconds", "backoffScaleFactor",
            "baseType", "inputSchema", "outputSchema", "enforceSchema", "totalTimeoutSeconds", "maxRetryDelaySeconds",
            "backoffJitterMs", "taskStatusListenerEnabled", "runtimeMetadata", "createTime", "updateTime", "createdBy",
            "updatedBy", "ownerApp");

    /** The task types of Conductor OSS 3.32 ({@code TaskType}). */
    static final Set<String> TASK_TYPES = Set.of("SIMPLE", "DYNAMIC", "FORK_JOIN", "FORK_JOIN_DYNAMIC", "DECISION",
            "SWITCH", "JOIN", "DO_WHILE", "SUB_WORKFLOW", "START_WORKFLOW", "EVENT", "WAIT", "HUMAN", "USER_DEFINED",
            "HTTP", "LAMBDA", "INLINE", "EXCLUSIVE_JOIN", "TERMINATE", "KAFKA_PUBLISH", "JSON_JQ_TRANSFORM",
            "SET_VARIABLE", "NOOP", "LLM_TEXT_COMPLETE", "LLM_CHAT_COMPLETE", "LLM_INDEX_TEXT", "LLM_SEARCH_INDEX",
            "LLM_GENERATE_EMBEDDINGS", "LLM_STORE_EMBEDDINGS", "LLM_GET_EMBEDDINGS", "LIST_MCP_TOOLS", "CALL_MCP_TOOL",
            "PULL_WORKFLOW_MESSAGES", "AGENT", "GET_AGENT_CARD", "CANCEL_AGENT");

    /** What a check found. */
    record Findings(List<String> problems, List<String> warnings) {
    }

    private final String file;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private DefinitionFileChecker(String file) {
        this.file = file;
    }

    /**
     * @param executed whether the application knows who executes a task type: a worker of its own, or a task definition
     *        file (whose worker lives elsewhere)
     */
    static Findings checkWorkflow(String file, JsonNode definition, Predicate<String> executed) {
        DefinitionFileChecker checker = new DefinitionFileChecker(file);
        checker.workflow(definition, executed);
        return new Findings(checker.problems, checker.warnings);
    }

    static Findings checkTask(String file, JsonNode definition) {
        DefinitionFileChecker checker = new DefinitionFileChecker(file);
        checker.task(definition);
        return new Findings(checker.problems, checker.warnings);
    }

    private void workflow(JsonNode definition, Predicate<String> executed) {
        if (!definition.isObject()) {
            problems.add(file + " is not a workflow definition: it holds a JSON " + kind(definition)
                    + ", not an object; put one workflow definition in each file");
            return;
        }
        String name = requiredText(definition, "name", "the workflow");
        String workflow = name == null ? "the workflow" : "workflow '" + name + "'";
        unknownProperties(definition, WORKFLOW_PROPERTIES, workflow);
        JsonNode version = definition.get("version");
        if (version != null && !(version.canConvertToInt() && version.isIntegralNumber() && version.asInt() >= 1)) {
            problems.add(file + ": the version of " + workflow + " is " + version + ": use a whole number, 1 or more");
        }
        JsonNode schemaVersion = definition.get("schemaVersion");
        if (schemaVersion != null && schemaVersion.asInt(-1) != 2) {
            problems.add(file + ": the schemaVersion of " + workflow + " is " + schemaVersion
                    + ": Conductor only supports 2 (or leave it out)");
        }
        oneOf(definition, "timeoutPolicy", Set.of("TIME_OUT_WF", "ALERT_ONLY"), workflow);
        wholeNumber(definition, "timeoutSeconds", workflow);
        JsonNode tasks = definition.get("tasks");
        if (tasks == null || !tasks.isArray() || tasks.isEmpty()) {
            problems.add(file + ": " + workflow + " has no tasks: give it a non-empty \"tasks\" array");
            return;
        }
        tasks(tasks, workflow, new HashSet<>(), executed);
    }

    private void tasks(JsonNode tasks, String workflow, Set<String> references, Predicate<String> executed) {
        for (JsonNode task : tasks) {
            task(task, workflow, references, executed);
        }
    }

    private void task(JsonNode task, String workflow, Set<String> references, Predicate<String> executed) {
        if (!task.isObject()) {
            problems.add(file + ": a task of " + workflow + " is a JSON " + kind(task) + ", not an object");
            return;
        }
        String reference = requiredText(task, "taskReferenceName", "a task of " + workflow);
        String name = requiredText(task, "name", "task " + (reference == null ? "" : "'" + reference + "' ") + "of "
                + workflow);
        String where = "task '" + (reference == null ? name : reference) + "' of " + workflow;
        if (reference != null && !references.add(reference)) {
            problems.add(file + ": " + workflow + " has two tasks with the taskReferenceName '" + reference
                    + "': each task needs its own");
        }
        unknownProperties(task, WORKFLOW_TASK_PROPERTIES, where);
        String type = task.path("type").asText("SIMPLE");
        if (!TASK_TYPES.contains(type)) {
            warnings.add(file + ": " + where + " has type '" + type + "', which is not a task type of Conductor OSS"
                    + suggestion(type, TASK_TYPES) + "; the server accepts it, but only runs it if it knows it");
        }
        if (type.equals("SIMPLE") && name != null && !executed.test(name)) {
            warnings.add(file + ": " + where + " runs task type '" + name + "', which no @ConductorWorker method of"
                    + " this application executes and no task definition file defines: the workflow waits at this task"
                    + " until a worker polls '" + name + "'. Check the name, or add a task definition file for a"
                    + " worker of another application");
        }
        switch (type) {
            case "SWITCH":
                required(task, "evaluatorType", where, type);
                required(task, "expression", where, type);
                nonEmpty(task, "decisionCases", where, type);
                break;
            case "DECISION":
                if (!task.hasNonNull("caseValueParam") && !task.hasNonNull("caseExpression")) {
                    problems.add(file + ": " + where + " of type DECISION needs caseValueParam or caseExpression");
                }
                nonEmpty(task, "decisionCases", where, type);
                break;
            case "DO_WHILE":
                required(task, "loopCondition", where, type);
                nonEmpty(task, "loopOver", where, type);
                break;
            case "FORK_JOIN":
                nonEmpty(task, "forkTasks", where, type);
                break;
            case "SUB_WORKFLOW":
                if (!task.path("subWorkflowParam").hasNonNull("name")) {
                    problems.add(file + ": " + where + " of type SUB_WORKFLOW needs a subWorkflowParam with the name of"
                            + " the workflow to start");
                }
                break;
            case "DYNAMIC":
                required(task, "dynamicTaskNameParam", where, type);
                break;
            case "EVENT":
                required(task, "sink", where, type);
                break;
            default:
                break;
        }
        for (Iterator<Map.Entry<String, JsonNode>> cases = task.path("decisionCases").properties().iterator(); cases
                .hasNext();) {
            tasks(cases.next().getValue(), workflow, references, executed);
        }
        tasks(task.path("defaultCase"), workflow, references, executed);
        tasks(task.path("loopOver"), workflow, references, executed);
        for (JsonNode branch : task.path("forkTasks")) {
            tasks(branch, workflow, references, executed);
        }
    }

    private void task(JsonNode definition) {
        if (!definition.isObject()) {
            problems.add(file + " is not a task definition: it holds a JSON " + kind(definition)
                    + ", not an object; put one task definition in each file");
            return;
        }
        String name = requiredText(definition, "name", "the task definition");
        String task = name == null ? "the task definition" : "task definition '" + name + "'";
        unknownProperties(definition, TASK_PROPERTIES, task);
        for (String field : List.of("retryCount", "timeoutSeconds", "retryDelaySeconds", "pollTimeoutSeconds",
                "rateLimitPerFrequency", "concurrentExecLimit", "totalTimeoutSeconds", "maxRetryDelaySeconds",
                "backoffJitterMs")) {
            wholeNumber(definition, field, task);
        }
        JsonNode response = definition.get("responseTimeoutSeconds");
        if (response != null && !(response.isIntegralNumber() && response.asLong() >= 1)) {
            problems.add(file + ": responseTimeoutSeconds of " + task + " is " + response
                    + ": it must be 1 or more (Conductor rejects 0)");
        }
        JsonNode scale = definition.get("backoffScaleFactor");
        if (scale != null && !(scale.isIntegralNumber() && scale.asLong() >= 1)) {
            problems.add(file + ": backoffScaleFactor of " + task + " is " + scale + ": it must be 1 or more");
        }
        long timeout = definition.path("timeoutSeconds").asLong(0);
        // a response timeout left out is 3600 on the server: with a shorter timeout, the server rejects the definition
        long responseTimeout = response == null ? 3600 : response.asLong();
        if (timeout > 0 && responseTimeout > timeout) {
            problems.add(file + ": " + task + " has a responseTimeoutSeconds of " + responseTimeout
                    + (response == null ? " (the server's default, as it is left out)" : "")
                    + ", more than its timeoutSeconds of " + timeout + ": Conductor rejects it; set"
                    + " responseTimeoutSeconds to " + timeout + " or less");
        }
        oneOf(definition, "timeoutPolicy", Set.of("RETRY", "TIME_OUT_WF", "ALERT_ONLY"), task);
        oneOf(definition, "retryLogic", Set.of("FIXED", "EXPONENTIAL_BACKOFF", "LINEAR_BACKOFF"), task);
    }

    private String requiredText(JsonNode object, String field, String what) {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(file + ": " + what + " has no \"" + field + "\"" + (value == null ? "" : " (it is " + value + ")")
                    + ": it is required");
            return null;
        }
        return value.asText();
    }

    private void required(JsonNode task, String field, String where, String type) {
        if (!task.hasNonNull(field)) {
            problems.add(file + ": " + where + " of type " + type + " needs \"" + field + "\"");
        }
    }

    private void nonEmpty(JsonNode task, String field, String where, String type) {
        JsonNode value = task.get(field);
        if (value == null || !value.isContainerNode() || value.isEmpty()) {
            problems.add(file + ": " + where + " of type " + type + " needs a non-empty \"" + field + "\"");
        }
    }

    private void oneOf(JsonNode object, String field, Set<String> values, String what) {
        JsonNode value = object.get(field);
        if (value != null && !values.contains(value.asText())) {
            problems.add(file + ": the " + field + " of " + what + " is " + value + ": use one of "
                    + values.stream().sorted().toList());
        }
    }

    private void wholeNumber(JsonNode object, String field, String what) {
        JsonNode value = object.get(field);
        if (value != null && !value.isNull() && !(value.isIntegralNumber() && value.asLong() >= 0)) {
            problems.add(file + ": the " + field + " of " + what + " is " + value + ": use a whole number, 0 or more");
        }
    }

    private void unknownProperties(JsonNode object, Set<String> known, String what) {
        for (Iterator<String> fields = object.fieldNames(); fields.hasNext();) {
            String field = fields.next();
            if (!known.contains(field)) {
                warnings.add(file + ": " + what + " has a property '" + field + "' that Conductor does not know"
                        + suggestion(field, known) + "; the server drops it");
            }
        }
    }

    /** {@code " (did you mean 'inputParameters'?)"} when a known name is close, else empty. */
    private static String suggestion(String value, Set<String> known) {
        return known.stream().filter(candidate -> distance(value.toLowerCase(), candidate.toLowerCase()) <= 2)
                .min(Comparator.comparingInt(candidate -> distance(value.toLowerCase(), candidate.toLowerCase())))
                .map(candidate -> " (did you mean '" + candidate + "'?)").orElse("");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase();
    }
}

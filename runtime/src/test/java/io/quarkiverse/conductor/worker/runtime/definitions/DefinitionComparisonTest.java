package io.quarkiverse.conductor.worker.runtime.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A server's copy of a definition is the application's when they differ only by what the server adds: its own fields,
 * and defaults for what was left out. Anything else is a difference, data included.
 */
class DefinitionComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A workflow with a SWITCH, a FORK_JOIN and an inline task definition, as written. */
    private static final String WORKFLOW = """
            {"name": "orders", "description": "takes orders", "tasks": [
              {"name": "route", "taskReferenceName": "route_ref", "type": "SWITCH", "evaluatorType": "value-param",
               "expression": "kind", "inputParameters": {"kind": "${workflow.input.kind}"},
               "decisionCases": {"big": [{"name": "ship", "taskReferenceName": "ship_ref"}]}},
              {"name": "fork", "taskReferenceName": "fork_ref", "type": "FORK_JOIN",
               "forkTasks": [[{"name": "a", "taskReferenceName": "a_ref"}], [{"name": "b", "taskReferenceName": "b_ref",
                 "taskDefinition": {"name": "b", "retryCount": 1}}]]},
              {"name": "join", "taskReferenceName": "join_ref", "type": "JOIN", "joinOn": ["a_ref", "b_ref"]}
            ], "outputParameters": {"total": "${ship_ref.output.total}"}, "timeoutSeconds": 60}
            """;

    /** What a server answers for it: its own fields, and every default filled in. */
    private static final String STORED = """
            {"createTime": 1796020684250, "updateTime": 0, "name": "orders", "description": "takes orders",
             "version": 1, "tasks": [
              {"name": "route", "taskReferenceName": "route_ref", "inputParameters": {"kind": "${workflow.input.kind}"},
               "type": "SWITCH", "decisionCases": {"big": [{"name": "ship", "taskReferenceName": "ship_ref",
                 "inputParameters": {}, "type": "SIMPLE", "decisionCases": {}, "defaultCase": [], "forkTasks": [],
                 "startDelay": 0, "joinOn": [], "optional": false, "defaultExclusiveJoinTask": [],
                 "asyncComplete": false, "loopOver": [], "onStateChange": {}, "permissive": false, "metadata": {}}]},
               "defaultCase": [], "forkTasks": [], "startDelay": 0, "joinOn": [], "optional": false,
               "defaultExclusiveJoinTask": [], "asyncComplete": false, "loopOver": [], "evaluatorType": "value-param",
               "expression": "kind", "onStateChange": {}, "permissive": false, "metadata": {}},
              {"name": "fork", "taskReferenceName": "fork_ref", "inputParameters": {}, "type": "FORK_JOIN",
               "decisionCases": {}, "defaultCase": [], "forkTasks": [
                 [{"name": "a", "taskReferenceName": "a_ref", "inputParameters": {}, "type": "SIMPLE", "optional": false}],
                 [{"name": "b", "taskReferenceName": "b_ref", "inputParameters": {}, "type": "SIMPLE",
                   "taskDefinition": {"createTime": 0, "name": "b", "retryCount": 1, "timeoutSeconds": 0,
                     "inputKeys": [], "timeoutPolicy": "TIME_OUT_WF", "retryLogic": "FIXED", "retryDelaySeconds": 60,
                     "responseTimeoutSeconds": 3600, "inputTemplate": {}, "rateLimitPerFrequency": 0,
                     "rateLimitFrequencyInSeconds": 1, "backoffScaleFactor": 1, "taskStatusListenerEnabled": true,
                     "enforceSchema": false}}]],
               "startDelay": 0, "joinOn": [], "optional": false},
              {"name": "join", "taskReferenceName": "join_ref", "inputParameters": {}, "type": "JOIN",
               "joinOn": ["a_ref", "b_ref"], "optional": false}
             ], "inputParameters": [], "outputParameters": {"total": "${ship_ref.output.total}"}, "schemaVersion": 2,
             "restartable": true, "workflowStatusListenerEnabled": false, "timeoutPolicy": "ALERT_ONLY",
             "timeoutSeconds": 60.0, "variables": {}, "inputTemplate": {}, "enforceSchema": true, "metadata": {},
             "maskedFields": []}
            """;

    @Test
    void serverCopyWithItsFieldsAndDefaultsIsTheSame() {
        assertThat(DefinitionComparison.sameWorkflow(json(WORKFLOW), json(STORED))).isTrue();
    }

    @Test
    void changedValueDiffers() {
        assertThat(DefinitionComparison.sameWorkflow(json(WORKFLOW),
                json(STORED.replace("\"takes orders\"", "\"takes all orders\"")))).isFalse();
        assertThat(DefinitionComparison.sameWorkflow(json(WORKFLOW),
                json(STORED.replace("\"name\": \"ship\"", "\"name\": \"send\"")))).isFalse();
        assertThat(DefinitionComparison.sameWorkflow(json(WORKFLOW),
                json(STORED.replace("\"retryCount\": 1", "\"retryCount\": 2")))).isFalse();
    }

    @Test
    void valueLeftOutOfTheFileDiffersFromTheServersWhenItIsNotTheDefault() {
        ObjectNode withoutDescription = (ObjectNode) json(WORKFLOW);
        withoutDescription.remove("description");
        assertThat(DefinitionComparison.sameWorkflow(withoutDescription, json(STORED))).isFalse();
        // restartable defaults to true: an operator's false is a difference
        assertThat(DefinitionComparison.sameWorkflow(json(WORKFLOW),
                json(STORED.replace("\"restartable\": true", "\"restartable\": false")))).isFalse();
    }

    @Test
    void dataIsComparedAsItIs() {
        assertThat(DefinitionComparison.sameWorkflow(json(WORKFLOW), json(STORED.replace(
                "\"outputParameters\": {\"total\": \"${ship_ref.output.total}\"}",
                "\"outputParameters\": {\"total\": \"${ship_ref.output.total}\", \"note\": \"\"}")))).isFalse();
    }

    @Test
    void taskDefinitionComparesTheFieldsTheApplicationDecides() {
        JsonNode desired = json("""
                {"name": "greet", "retryCount": 3, "retryLogic": "FIXED", "responseTimeoutSeconds": 30,
                 "inputKeys": ["name"]}""");
        JsonNode stored = json("""
                {"createTime": 1, "name": "greet", "retryCount": 3, "retryLogic": "FIXED",
                 "responseTimeoutSeconds": 30, "inputKeys": ["name"], "pollTimeoutSeconds": 0,
                 "concurrentExecLimit": 0, "isolationGroupId": "pool-a"}""");
        Set<String> owned = Set.of("retryCount", "retryLogic", "responseTimeoutSeconds", "inputKeys",
                "pollTimeoutSeconds", "concurrentExecLimit", "description");

        assertThat(DefinitionComparison.sameTask(desired, stored, owned)).isTrue();
        assertThat(DefinitionComparison.sameTask(desired, json(stored.toString().replace("\"retryCount\":3",
                "\"retryCount\":5")), owned)).isFalse();
        assertThat(DefinitionComparison.sameTask(desired, json(stored.toString().replace("\"concurrentExecLimit\":0",
                "\"concurrentExecLimit\":2")), owned)).isFalse();
    }

    @Test
    void taskUpdateKeepsWhatTheApplicationDoesNotDecide() {
        ObjectNode desired = (ObjectNode) json("{\"name\": \"greet\", \"retryCount\": 1}");
        ObjectNode stored = (ObjectNode) json("""
                {"createTime": 1, "createdBy": "ops", "name": "greet", "retryCount": 3, "pollTimeoutSeconds": 10,
                 "isolationGroupId": "pool-a"}""");

        assertThat(DefinitionComparison.taskUpdate(desired, stored, Set.of("retryCount", "pollTimeoutSeconds")))
                .isEqualTo(json("{\"name\": \"greet\", \"retryCount\": 1, \"isolationGroupId\": \"pool-a\"}"));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}

package io.quarkiverse.conductor.worker.test.definitions;

import io.quarkiverse.conductor.worker.ConductorWorker;

/** The worker of the definition tests, and the workflow file that uses it. */
public class Greeter {

    static final String WORKFLOW_RESOURCE = "conductor/workflows/greetings.json";

    static final String WORKFLOW = """
            {
              "name": "greetings",
              "description": "says hello",
              "tasks": [
                {"name": "greet", "taskReferenceName": "greet_ref", "type": "SIMPLE",
                 "inputParameters": {"name": "${workflow.input.name}"}}
              ],
              "outputParameters": {"greeting": "${greet_ref.output.result}"}
            }
            """;

    /** {@link #WORKFLOW} as a Conductor 3.32 server answers it once registered: its own fields, and every default. */
    static final String STORED_WORKFLOW = """
            {"createTime": 1796020684250, "updateTime": 0, "name": "greetings", "description": "says hello",
             "version": 1,
             "tasks": [{"name": "greet", "taskReferenceName": "greet_ref",
                        "inputParameters": {"name": "${workflow.input.name}"}, "type": "SIMPLE", "decisionCases": {},
                        "defaultCase": [], "forkTasks": [], "startDelay": 0, "joinOn": [], "optional": false,
                        "defaultExclusiveJoinTask": [], "asyncComplete": false, "loopOver": [], "onStateChange": {},
                        "permissive": false, "metadata": {}}],
             "inputParameters": [], "outputParameters": {"greeting": "${greet_ref.output.result}"},
             "schemaVersion": 2, "restartable": true, "workflowStatusListenerEnabled": false,
             "timeoutPolicy": "ALERT_ONLY", "timeoutSeconds": 0, "variables": {}, "inputTemplate": {},
             "enforceSchema": true, "metadata": {}, "maskedFields": []}
            """;

    /** The definition of {@code greet} as a Conductor 3.32 server answers it once the extension registered it. */
    static final String STORED_TASK = """
            {"createTime": 1796020699931, "updateTime": 0, "createdBy": "", "name": "greet", "retryCount": 3,
             "timeoutSeconds": 0, "inputKeys": ["name"], "outputKeys": [], "runtimeMetadata": [],
             "timeoutPolicy": "TIME_OUT_WF", "retryLogic": "FIXED", "retryDelaySeconds": 60,
             "responseTimeoutSeconds": 3600, "inputTemplate": {}, "rateLimitPerFrequency": 0,
             "rateLimitFrequencyInSeconds": 1, "backoffScaleFactor": 1, "maxRetryDelaySeconds": 0,
             "backoffJitterMs": 0, "totalTimeoutSeconds": 0, "taskStatusListenerEnabled": true,
             "enforceSchema": false}
            """;

    @ConductorWorker("greet")
    public String greet(String name) {
        return "Hello, " + name;
    }
}

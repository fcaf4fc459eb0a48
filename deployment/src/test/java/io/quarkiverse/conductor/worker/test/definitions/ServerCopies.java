package io.quarkiverse.conductor.worker.test.definitions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.WireMock;

/** A server whose copies of the definitions an operator changed. */
final class ServerCopies {

    /** The task definition with another retry count, and a field the application does not decide. */
    static final String CHANGED_TASK = Greeter.STORED_TASK.replace("\"retryCount\": 3", "\"retryCount\": 7")
            .replace("\"createdBy\": \"\"", "\"createdBy\": \"ops\", \"isolationGroupId\": \"pool-a\"");

    /** The workflow definition with another description. */
    static final String CHANGED_WORKFLOW = Greeter.STORED_WORKFLOW.replace("\"says hello\"", "\"says hi\"")
            .replace("\"updateTime\": 0", "\"updateTime\": 0, \"createdBy\": \"ops\"");

    private ServerCopies() {
    }

    static void changedByAnOperator(WireMock stubs) {
        stubs.register(get(urlPathEqualTo("/api/metadata/taskdefs/greet")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(CHANGED_TASK)));
        stubs.register(get(urlPathEqualTo("/api/metadata/workflow/greetings")).withQueryParam("version", equalTo("1"))
                .atPriority(1).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(CHANGED_WORKFLOW)));
        stubs.register(put(urlEqualTo("/api/metadata/taskdefs")).atPriority(1)
                .willReturn(aResponse().withStatus(200)));
        stubs.register(put(urlEqualTo("/api/metadata/workflow")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"bulkErrorResults\": {}, \"bulkSuccessfulResults\": [\"greetings\"],"
                                + " \"message\": \"Bulk Request has been processed.\"}")));
    }
}

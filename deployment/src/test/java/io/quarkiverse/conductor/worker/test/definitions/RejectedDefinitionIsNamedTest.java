package io.quarkiverse.conductor.worker.test.definitions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A definition the server rejects is named in a WARN with the server's own reasons (its validation errors, not its
 * generic "Validation failed"), is not sent again, and does not keep the other definitions from being registered.
 */
class RejectedDefinitionIsNamedTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(RejectedDefinitionIsNamedTest.class,
            stubs -> stubs.register(post(urlEqualTo("/api/metadata/workflow")).atPriority(1)
                    .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                            .withBody("{\"status\": 400, \"message\": \"Validation failed, check below errors for"
                                    + " detail.\", \"retryable\": false, \"validationErrors\": [{\"path\":"
                                    + " \"registerWorkflowDef.arg0.ownerEmail\", \"message\": \"ownerEmail cannot be"
                                    + " empty\"}]}"))));

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class, SharedWireMock.class, MetadataRequests.class,
                    LogMessages.class)
                    .addAsResource(new StringAsset(Greeter.WORKFLOW), Greeter.WORKFLOW_RESOURCE))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.enabled", "false")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.conductor"))
            .assertLogRecords(RejectedDefinitionIsNamedTest::warningWithTheServersReason);

    @Test
    void rejectedDefinitionIsSentOnce() {
        assertThat(MetadataRequests.lines(wiremock)).containsExactly("GET /api/metadata/taskdefs/greet",
                "POST /api/metadata/taskdefs", "GET /api/metadata/workflow/greetings?version=1",
                "POST /api/metadata/workflow");
    }

    private static void warningWithTheServersReason(List<LogRecord> records) {
        assertThat(records).filteredOn(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(LogMessages::text)
                .containsExactly("The Conductor server at " + SharedWireMock.apiUrl() + " rejected the workflow"
                        + " definition 'greetings' version 1 (conductor/workflows/greetings.json): HTTP 400:"
                        + " ownerEmail: ownerEmail cannot be empty. It is not registered; fix it and restart");
        assertThat(records).extracting(LogMessages::text).contains("Conductor task definition 'greet': created");
    }
}

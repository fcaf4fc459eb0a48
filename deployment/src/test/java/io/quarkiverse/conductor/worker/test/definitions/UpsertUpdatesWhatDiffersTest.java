package io.quarkiverse.conductor.worker.test.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.LogRecord;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * In {@code upsert} mode (the default in dev and test mode), a definition the server has with other values is updated
 * with {@code PUT}, which keeps its creation time: a task definition gets the application's values and keeps the fields
 * the application does not decide; a workflow definition becomes the file, with the server's creation time and author
 * sent back. Nothing is created.
 */
class UpsertUpdatesWhatDiffersTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(UpsertUpdatesWhatDiffersTest.class,
            ServerCopies::changedByAnOperator);

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class, ServerCopies.class, SharedWireMock.class,
                    MetadataRequests.class, LogMessages.class)
                    .addAsResource(new StringAsset(Greeter.WORKFLOW), Greeter.WORKFLOW_RESOURCE))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.enabled", "false")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.conductor"))
            .assertLogRecords(UpsertUpdatesWhatDiffersTest::bothUpdated);

    @Test
    void definitionsAreUpdatedNotCreated() {
        assertThat(MetadataRequests.lines(wiremock)).containsExactly("GET /api/metadata/taskdefs/greet",
                "PUT /api/metadata/taskdefs", "GET /api/metadata/workflow/greetings?version=1",
                "PUT /api/metadata/workflow");
    }

    @Test
    void taskDefinitionKeepsWhatTheApplicationDoesNotDecide() {
        JsonNode update = MetadataRequests.body(wiremock, "PUT", "/api/metadata/taskdefs");

        assertThat(update.get("retryCount").asInt()).isEqualTo(3);
        assertThat(update.get("isolationGroupId").asText()).isEqualTo("pool-a");
        assertThat(update.get("inputKeys")).extracting(JsonNode::asText).containsExactly("name");
        // the server keeps these itself on PUT
        assertThat(update.has("createTime")).isFalse();
        assertThat(update.has("createdBy")).isFalse();
    }

    @Test
    void workflowDefinitionIsTheFileWithTheServersCreationTime() {
        JsonNode update = MetadataRequests.body(wiremock, "PUT", "/api/metadata/workflow");

        assertThat(update.isArray()).isTrue();
        JsonNode definition = update.get(0);
        assertThat(definition.get("description").asText()).isEqualTo("says hello");
        assertThat(definition.get("createTime").asLong()).isEqualTo(1796020684250L);
        assertThat(definition.get("createdBy").asText()).isEqualTo("ops");
        assertThat(definition.get("tasks").get(0).get("taskReferenceName").asText()).isEqualTo("greet_ref");
    }

    private static void bothUpdated(List<LogRecord> records) {
        assertThat(records).extracting(LogMessages::text).filteredOn(text -> text.startsWith("Conductor "))
                .containsExactly("Conductor task definition 'greet': updated",
                        "Conductor workflow definition 'greetings' version 1: updated");
    }
}

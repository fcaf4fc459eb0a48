package io.quarkiverse.conductor.worker.test.definitions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.LogRecord;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.test.LogMessages;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Definitions the server has as the application has them are read and not written again, although the server's copies
 * carry its own fields and every default: a second start changes nothing on the server.
 */
class UnchangedDefinitionsAreNotWrittenTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(UnchangedDefinitionsAreNotWrittenTest.class, stubs -> {
        stubs.register(get(urlPathEqualTo("/api/metadata/taskdefs/greet")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Greeter.STORED_TASK)));
        stubs.register(get(urlPathEqualTo("/api/metadata/workflow/greetings")).withQueryParam("version", equalTo("1"))
                .atPriority(1).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Greeter.STORED_WORKFLOW)));
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class, SharedWireMock.class, MetadataRequests.class,
                    LogMessages.class)
                    .addAsResource(new StringAsset(Greeter.WORKFLOW), Greeter.WORKFLOW_RESOURCE))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.enabled", "false")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.conductor"))
            .assertLogRecords(UnchangedDefinitionsAreNotWrittenTest::bothUnchanged);

    @Test
    void definitionsAreOnlyRead() {
        assertThat(MetadataRequests.lines(wiremock)).containsExactly("GET /api/metadata/taskdefs/greet",
                "GET /api/metadata/workflow/greetings?version=1");
    }

    private static void bothUnchanged(List<LogRecord> records) {
        assertThat(records).extracting(LogMessages::text).filteredOn(text -> text.startsWith("Conductor "))
                .containsExactly("Conductor task definition 'greet': unchanged",
                        "Conductor workflow definition 'greetings' version 1: unchanged");
    }
}

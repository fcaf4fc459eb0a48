package io.quarkiverse.conductor.worker.test.definitions;

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
 * In {@code create-missing} mode (the default in production), what an operator changed on the server stays: nothing is
 * written, and the log says that the server's copy differs and is kept.
 */
class CreateMissingKeepsServerChangesTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(CreateMissingKeepsServerChangesTest.class,
            ServerCopies::changedByAnOperator);

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class, ServerCopies.class, SharedWireMock.class,
                    MetadataRequests.class, LogMessages.class)
                    .addAsResource(new StringAsset(Greeter.WORKFLOW), Greeter.WORKFLOW_RESOURCE))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.registration.mode", "create-missing")
            .overrideConfigKey("quarkus.conductor.worker.enabled", "false")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.conductor"))
            .assertLogRecords(CreateMissingKeepsServerChangesTest::bothKept);

    @Test
    void nothingIsWritten() {
        assertThat(MetadataRequests.lines(wiremock)).containsExactly("GET /api/metadata/taskdefs/greet",
                "GET /api/metadata/workflow/greetings?version=1");
    }

    private static void bothKept(List<LogRecord> records) {
        assertThat(records).extracting(LogMessages::text).filteredOn(text -> text.startsWith("Conductor "))
                .containsExactly("Conductor task definition 'greet': unchanged; the server's copy differs from the"
                        + " application's (Greeter#greet(String)) and is kept"
                        + " (quarkus.conductor.registration.mode=create-missing)",
                        "Conductor workflow definition 'greetings' version 1: unchanged; the server's copy differs from"
                                + " the application's (conductor/workflows/greetings.json) and is kept"
                                + " (quarkus.conductor.registration.mode=create-missing)");
    }
}

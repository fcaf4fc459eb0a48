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
 * With {@code quarkus.conductor.registration.mode=none}, the metadata API is not called at all, and the log says so
 * once.
 */
class RegistrationModeNoneTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(RegistrationModeNoneTest.class, stubs -> {
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class, SharedWireMock.class, MetadataRequests.class,
                    LogMessages.class)
                    .addAsResource(new StringAsset(Greeter.WORKFLOW), Greeter.WORKFLOW_RESOURCE))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.registration.mode", "none")
            .overrideConfigKey("quarkus.conductor.worker.enabled", "false")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.conductor"))
            .assertLogRecords(RegistrationModeNoneTest::saidOnce);

    @Test
    void metadataApiIsNotCalled() {
        assertThat(MetadataRequests.lines(wiremock)).isEmpty();
    }

    private static void saidOnce(List<LogRecord> records) {
        assertThat(records).extracting(LogMessages::text).filteredOn(text -> text.contains("regist"))
                .containsExactly("Not registering 2 Conductor definitions: quarkus.conductor.registration.mode is none");
    }
}

package io.quarkiverse.conductor.worker.test.definitions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code quarkus.conductor.registration.fail-on-error=true}, definitions that cannot be registered fail the start,
 * naming what was not registered, why, and the property.
 */
class FailOnErrorFailsTheStartTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(FailOnErrorFailsTheStartTest.class,
            stubs -> stubs.register(get(urlPathEqualTo("/api/metadata/taskdefs/greet")).atPriority(1)
                    .willReturn(aResponse().withStatus(503).withBody("{\"message\": \"down for maintenance\"}"))));

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class, SharedWireMock.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.registration.fail-on-error", "true")
            .assertException(failure -> {
                StringBuilder messages = new StringBuilder();
                for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                    messages.append(t.getMessage()).append('\n');
                }
                assertThat(messages.toString()).contains("Could not register task definition 'greet' with the"
                        + " Conductor server at " + SharedWireMock.apiUrl() + ": HTTP 503: down for maintenance. The"
                        + " start fails because quarkus.conductor.registration.fail-on-error is true");
            });

    @Test
    void startupFails() {
        fail("the application must not start");
    }
}

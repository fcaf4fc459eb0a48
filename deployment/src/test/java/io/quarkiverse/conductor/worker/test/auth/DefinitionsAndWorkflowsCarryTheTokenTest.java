package io.quarkiverse.conductor.worker.test.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.WorkflowClient;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With an application access key, the registration of the definitions and the workflow client send the same token as
 * the workers: not one request to the metadata or workflow API goes without it, and no second token is asked for.
 */
class DefinitionsAndWorkflowsCarryTheTokenTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(DefinitionsAndWorkflowsCarryTheTokenTest.class,
            stubs -> {
                stubs.register(post(urlEqualTo("/api/token")).atPriority(1)
                        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                                .withBody("{\"token\": \"the-token\"}")));
                stubs.register(post(urlEqualTo("/api/workflow")).atPriority(1)
                        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("wf-1")));
            });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class, SharedWireMock.class)
                    .addAsResource(new StringAsset("{\"name\": \"greetings\", \"tasks\": [{\"name\": \"greet\","
                            + " \"taskReferenceName\": \"greet_ref\"}]}"), "conductor/workflows/greetings.json"))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("CONDUCTOR_AUTH_KEY", "app-key")
            .overrideConfigKey("CONDUCTOR_AUTH_SECRET", "app-secret")
            .overrideConfigKey("quarkus.conductor.worker.enabled", "false");

    @Inject
    WorkflowClient workflows;

    @Test
    void everyRequestCarriesTheToken() {
        workflows.startWorkflow("greetings", Map.of("name", "Ada"));

        wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/metadata/taskdefs"))
                .withHeader("X-Authorization", equalTo("the-token")));
        wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/metadata/workflow"))
                .withHeader("X-Authorization", equalTo("the-token")));
        wiremock.verifyThat(postRequestedFor(urlEqualTo("/api/workflow"))
                .withHeader("X-Authorization", equalTo("the-token")));
        wiremock.verifyThat(0, anyRequestedFor(urlPathMatching("/api/(metadata|workflow).*"))
                .withHeader("X-Authorization", absent()));
        wiremock.verifyThat(1, postRequestedFor(urlEqualTo("/api/token")));
    }

    public static class Greeter {
        @ConductorWorker("greet")
        public String greet(String name) {
            return "Hello, " + name;
        }
    }
}

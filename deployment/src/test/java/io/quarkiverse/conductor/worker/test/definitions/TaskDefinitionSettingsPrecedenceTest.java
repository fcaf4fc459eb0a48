package io.quarkiverse.conductor.worker.test.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.TaskDefinition;
import io.quarkiverse.conductor.worker.test.SharedWireMock;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A task definition's values come from {@code quarkus.conductor.worker.definition.*}, overridden by the worker's
 * {@code @TaskDefinition}, overridden by {@code quarkus.conductor.workers."task".definition.*}.
 */
class TaskDefinitionSettingsPrecedenceTest {

    static final WireMock wiremock = SharedWireMock.forTestClass(TaskDefinitionSettingsPrecedenceTest.class, stubs -> {
    });

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, SharedWireMock.class, MetadataRequests.class))
            .overrideConfigKey("quarkus.conductor.server-url", SharedWireMock.apiUrl())
            .overrideConfigKey("quarkus.conductor.worker.enabled", "false")
            .overrideConfigKey("quarkus.conductor.worker.definition.retry-count", "1")
            .overrideConfigKey("quarkus.conductor.worker.definition.retry-delay", "5s")
            .overrideConfigKey("quarkus.conductor.worker.definition.response-timeout", "2m")
            .overrideConfigKey("quarkus.conductor.worker.definition.owner-email", "team@example.com")
            .overrideConfigKey("quarkus.conductor.workers.\"overridden\".definition.retry-count", "9")
            .overrideConfigKey("quarkus.conductor.workers.\"overridden\".definition.retry-logic", "linear-backoff")
            .overrideConfigKey("quarkus.conductor.workers.\"overridden\".definition.backoff-scale-factor", "3")
            .overrideConfigKey("quarkus.conductor.workers.\"overridden\".definition.description", "from config")
            .overrideConfigKey("quarkus.conductor.workers.\"overridden\".definition.input-keys", "a,b");

    @Test
    void globalConfigurationAppliesToAPlainWorker() {
        JsonNode plain = definition("plain");

        assertThat(plain.get("retryCount").asInt()).isEqualTo(1);
        assertThat(plain.get("retryDelaySeconds").asInt()).isEqualTo(5);
        assertThat(plain.get("responseTimeoutSeconds").asInt()).isEqualTo(120);
        assertThat(plain.get("ownerEmail").asText()).isEqualTo("team@example.com");
        assertThat(plain.has("description")).isFalse();
    }

    @Test
    void annotationOverridesGlobalConfiguration() {
        JsonNode annotated = definition("annotated");

        assertThat(annotated.get("retryCount").asInt()).isEqualTo(4);
        assertThat(annotated.get("description").asText()).isEqualTo("from the annotation");
        assertThat(annotated.get("retryDelaySeconds").asInt()).isEqualTo(5);
    }

    @Test
    void ownConfigurationOverridesTheAnnotation() {
        JsonNode overridden = definition("overridden");

        assertThat(overridden.get("retryCount").asInt()).isEqualTo(9);
        assertThat(overridden.get("retryLogic").asText()).isEqualTo("LINEAR_BACKOFF");
        assertThat(overridden.get("backoffScaleFactor").asInt()).isEqualTo(3);
        assertThat(overridden.get("description").asText()).isEqualTo("from config");
        assertThat(overridden.get("inputKeys")).extracting(JsonNode::asText).containsExactly("a", "b");
        // not overridden: from the annotation, then the global configuration
        assertThat(overridden.get("responseTimeoutSeconds").asInt()).isEqualTo(30);
        assertThat(overridden.get("ownerEmail").asText()).isEqualTo("team@example.com");
    }

    private static JsonNode definition(String task) {
        return MetadataRequests.posted(wiremock, "/api/metadata/taskdefs").stream()
                .map(body -> body.get(0)).filter(definition -> definition.get("name").asText().equals(task))
                .findFirst().orElseThrow(() -> new AssertionError("no definition of " + task + " registered"));
    }

    public static class Workers {

        @ConductorWorker("plain")
        public void plain() {
        }

        @ConductorWorker("annotated")
        @TaskDefinition(retryCount = 4, description = "from the annotation")
        public void annotated() {
        }

        @ConductorWorker("overridden")
        @TaskDefinition(retryCount = 4, description = "from the annotation", responseTimeout = "30s")
        public void overridden(String value) {
        }
    }
}

package io.quarkiverse.conductor.worker.test.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.TaskDefinition;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Task definition settings a Conductor server would reject fail the start, each named with where it was set: a response
 * timeout of 0, or longer than a set timeout (the server's default response timeout of an hour included), a fraction of
 * a second, a negative count.
 */
class InvalidTaskDefinitionSettingsTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class))
            .overrideConfigKey("quarkus.conductor.server-url", "http://127.0.0.1:1/api")
            .overrideConfigKey("quarkus.conductor.workers.\"first\".definition.response-timeout", "0s")
            .overrideConfigKey("quarkus.conductor.workers.\"second\".definition.timeout", "30s")
            .overrideConfigKey("quarkus.conductor.worker.definition.retry-delay", "1500ms")
            .overrideConfigKey("quarkus.conductor.workers.\"third\".definition.retry-count", "-1")
            .assertException(failure -> {
                StringBuilder messages = new StringBuilder();
                for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                    messages.append(t.getMessage()).append('\n');
                }
                assertThat(messages.toString()).contains(
                        "task 'first': quarkus.conductor.workers.\"first\".definition.response-timeout is 0s: it must be"
                                + " 1s or more (Conductor rejects 0)",
                        "task 'second': the response timeout, quarkus.conductor.worker.definition.response-timeout is 1h,"
                                + " is longer than the timeout, quarkus.conductor.workers.\"second\".definition.timeout is"
                                + " 30s; Conductor rejects a response timeout longer than a timeout that is set: shorten"
                                + " the response timeout to 30s or less, or lengthen the timeout",
                        "task 'third': quarkus.conductor.worker.definition.retry-delay is 1.5s, but Conductor counts this"
                                + " in whole seconds",
                        "task 'third': quarkus.conductor.workers.\"third\".definition.retry-count is -1: it must be 0 or"
                                + " more",
                        "task 'fourth': the response timeout, quarkus.conductor.worker.definition.response-timeout is"
                                + " 1h, is longer than the timeout, @TaskDefinition(timeout) of"
                                + " InvalidTaskDefinitionSettingsTest$Workers#fourth() is 5m");
            });

    @Test
    void startupFails() {
        fail("the application must not start");
    }

    public static class Workers {

        @ConductorWorker("first")
        public void first() {
        }

        @ConductorWorker("second")
        public void second() {
        }

        @ConductorWorker("third")
        public void third() {
        }

        @ConductorWorker("fourth")
        @TaskDefinition(timeout = "5m")
        public void fourth() {
        }
    }
}

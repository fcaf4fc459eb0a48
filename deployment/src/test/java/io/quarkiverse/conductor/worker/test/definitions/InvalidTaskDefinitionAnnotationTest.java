package io.quarkiverse.conductor.worker.test.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.TaskDefinition;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A {@code @TaskDefinition} a Conductor server would reject fails the build, naming the method and the attribute: a
 * negative count, something that is not a duration, a fraction of a second, a response timeout of 0 or longer than the
 * timeout, and the annotation on a method that is not a worker.
 */
class InvalidTaskDefinitionAnnotationTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class))
            .assertException(failure -> assertThat(messages(failure)).contains(
                    "Method InvalidTaskDefinitionAnnotationTest$Workers#negative() has @TaskDefinition(retryCount = -2):"
                            + " it must be 0 or more",
                    "Method InvalidTaskDefinitionAnnotationTest$Workers#notADuration() has @TaskDefinition(retryDelay ="
                            + " \"soon\"), which is not a duration of zero or more: use a value such as \"30s\", \"5m\""
                            + " or \"PT1H\"",
                    "Method InvalidTaskDefinitionAnnotationTest$Workers#fraction() has @TaskDefinition(timeout ="
                            + " \"1500ms\"), but Conductor counts it in whole seconds: use \"2s\"",
                    "Method InvalidTaskDefinitionAnnotationTest$Workers#noResponseTime() has"
                            + " @TaskDefinition(responseTimeout = \"0s\"): it must be 1s or more (Conductor rejects 0)",
                    "Method InvalidTaskDefinitionAnnotationTest$Workers#responseLongerThanTimeout() has"
                            + " @TaskDefinition(timeout = \"1m\", responseTimeout = \"2m\"): Conductor rejects a response"
                            + " timeout longer than the timeout; shorten responseTimeout or lengthen timeout",
                    "Method InvalidTaskDefinitionAnnotationTest$Workers#notAWorker() is annotated @TaskDefinition but"
                            + " not @ConductorWorker"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }

    private static String messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        collect(failure, messages);
        return String.join("\n", messages);
    }

    private static void collect(Throwable failure, List<String> messages) {
        if (failure == null) {
            return;
        }
        messages.add(String.valueOf(failure.getMessage()));
        for (Throwable suppressed : failure.getSuppressed()) {
            collect(suppressed, messages);
        }
        if (failure.getCause() != failure) {
            collect(failure.getCause(), messages);
        }
    }

    public static class Workers {

        @ConductorWorker("negative")
        @TaskDefinition(retryCount = -2)
        public void negative() {
        }

        @ConductorWorker("not_a_duration")
        @TaskDefinition(retryDelay = "soon")
        public void notADuration() {
        }

        @ConductorWorker("fraction")
        @TaskDefinition(timeout = "1500ms")
        public void fraction() {
        }

        @ConductorWorker("no_response_time")
        @TaskDefinition(responseTimeout = "0s")
        public void noResponseTime() {
        }

        @ConductorWorker("response_longer_than_timeout")
        @TaskDefinition(timeout = "1m", responseTimeout = "2m")
        public void responseLongerThanTimeout() {
        }

        @TaskDefinition(retryCount = 1)
        public void notAWorker() {
        }
    }
}

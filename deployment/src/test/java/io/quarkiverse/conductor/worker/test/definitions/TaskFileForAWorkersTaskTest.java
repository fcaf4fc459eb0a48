package io.quarkiverse.conductor.worker.test.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A task definition file is for a task that another application executes: one for a task the application's own worker
 * executes would give that task two definitions, and fails the build, naming the file, the worker and where its
 * definition goes instead.
 */
class TaskFileForAWorkersTaskTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Greeter.class)
                    .addAsResource(new StringAsset("{\"name\": \"greet\", \"retryCount\": 1}"), "conductor/tasks/greet.json"))
            .assertException(failure -> {
                StringBuilder messages = new StringBuilder();
                for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                    messages.append(t.getMessage()).append('\n');
                }
                assertThat(messages.toString()).contains("conductor/tasks/greet.json defines task 'greet', which the"
                        + " worker Greeter#greet(String) of this application executes: declare its definition with"
                        + " @TaskDefinition on the method (or quarkus.conductor.workers.\"greet\".definition.*) and remove"
                        + " the file");
            });

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}

package io.quarkiverse.conductor.worker.test.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.test.Tasks;
import io.quarkus.test.QuarkusUnitTest;

class VoidAndNullResultTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Workers.class, Tasks.class));

    @Test
    void voidMethodCompletesWithEmptyOutput() {
        TaskResult result = Tasks.execute("count", "{}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.COMPLETED);
        assertThat(result.getOutputData()).isEmpty();
        assertThat(Workers.CALLS).hasValue(1);
    }

    @Test
    void nullReturnCompletesWithEmptyOutput() {
        TaskResult result = Tasks.execute("nothing", "{}");

        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.COMPLETED);
        assertThat(result.getOutputData()).isEqualTo(Map.of());
        assertThat(result.getReasonForIncompletion()).isNull();
    }

    static class Workers {
        static final AtomicInteger CALLS = new AtomicInteger();

        @ConductorWorker("count")
        void count() {
            CALLS.incrementAndGet();
        }

        @ConductorWorker("nothing")
        Map<String, Object> nothing() {
            return null;
        }
    }
}

package io.quarkiverse.conductor.worker.test.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.model.TaskResult;
import io.quarkiverse.conductor.worker.test.Tasks;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Like a {@code @Scheduled} method, each task runs in a request context of its own, and a {@code @Dependent} worker
 * bean lives for one task.
 */
class RequestContextTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Audit.class, AuditingWorker.class, DependentWorker.class,
                    Tasks.class));

    @Test
    void eachTaskGetsAFreshRequestScopedBean() {
        TaskResult first = Tasks.execute("audited", "{\"step\": \"a\"}");
        TaskResult second = Tasks.execute("audited", "{\"step\": \"b\"}");

        assertThat(first.getOutputData()).isEqualTo(Map.of("result", List.of("a")));
        assertThat(second.getOutputData()).isEqualTo(Map.of("result", List.of("b")));
        assertThat(Audit.DESTROYED).hasValue(2);
    }

    @Test
    void dependentWorkerBeanIsDestroyedAfterItsTask() {
        int before = DependentWorker.DESTROYED.get();

        Tasks.execute("dependent", "{}");

        assertThat(DependentWorker.DESTROYED).hasValue(before + 1);
    }

    @RequestScoped
    static class Audit {
        static final AtomicInteger DESTROYED = new AtomicInteger();
        private final List<String> steps = new ArrayList<>();

        // a method, not a field: fields of a client proxy are not those of the request's instance
        List<String> record(String step) {
            steps.add(step);
            return List.copyOf(steps);
        }

        @PreDestroy
        void destroy() {
            DESTROYED.incrementAndGet();
        }
    }

    static class AuditingWorker {
        @Inject
        Audit audit;

        @ConductorWorker("audited")
        List<String> audited(String step) {
            return audit.record(step);
        }
    }

    @Dependent
    static class DependentWorker {
        static final AtomicInteger DESTROYED = new AtomicInteger();

        @ConductorWorker("dependent")
        void work() {
        }

        @PreDestroy
        void destroy() {
            DESTROYED.incrementAndGet();
        }
    }
}

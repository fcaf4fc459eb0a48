package io.quarkiverse.conductor.worker.test.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.runtime.Worker;
import io.quarkiverse.conductor.worker.runtime.WorkerMethod;
import io.quarkiverse.conductor.worker.runtime.WorkerRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableBean;
import io.quarkus.test.QuarkusUnitTest;

class WorkerDiscoveryTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(PlainWorker.class, ScopedWorker.class, NotAWorker.class));

    @Test
    void classWithoutScopeBecomesAnUnremovableSingleton() {
        InjectableBean<PlainWorker> bean = Arc.container().instance(PlainWorker.class).getBean();

        assertThat(bean).isNotNull();
        assertThat(bean.getScope()).isEqualTo(Singleton.class);
    }

    @Test
    void declaredScopeIsKept() {
        assertThat(Arc.container().instance(ScopedWorker.class).getBean().getScope()).isEqualTo(ApplicationScoped.class);
    }

    @Test
    void everyAnnotatedMethodIsRegisteredWithItsAnnotationValues() {
        WorkerRegistry registry = Arc.container().instance(WorkerRegistry.class).get();

        assertThat(registry.workers()).extracting(Worker::taskName)
                .containsExactlyInAnyOrder("plain", "scoped", "tuned");
        WorkerMethod tuned = registry.worker("tuned").method();
        assertThat(tuned.getDescription()).isEqualTo("WorkerDiscoveryTest$ScopedWorker#tuned(int)");
        assertThat(tuned.getConcurrency()).isEqualTo(4);
        assertThat(tuned.getPollInterval()).isEqualTo("250ms");
        assertThat(tuned.getDomain()).isEqualTo("blue");
        WorkerMethod plain = registry.worker("plain").method();
        assertThat(plain.getConcurrency()).isZero();
        assertThat(plain.getPollInterval()).isEmpty();
        assertThat(plain.getDomain()).isEmpty();
    }

    @Test
    void classWithoutWorkerMethodsIsNotMadeABean() {
        assertThat(Arc.container().instance(NotAWorker.class).isAvailable()).isFalse();
    }

    static class PlainWorker {
        @ConductorWorker("plain")
        void plain() {
        }
    }

    @ApplicationScoped
    static class ScopedWorker {
        @ConductorWorker("scoped")
        void scoped() {
        }

        @ConductorWorker(value = "tuned", concurrency = 4, pollInterval = "250ms", domain = "blue")
        void tuned(int level) {
        }
    }

    static class NotAWorker {
        void notAWorker() {
        }
    }
}

package io.quarkiverse.conductor.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.conductor.worker.runtime.definitions.DefinitionRegistrar;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Tests that need no Conductor at all: a profile turns off the workers, the registration and Dev Services. The
 * application starts without a server, and its worker beans are there to call.
 */
// tag::profile[]
@QuarkusTest
@TestProfile(WorkersOffTest.NoConductor.class)
class WorkersOffTest {

    public static class NoConductor implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.conductor.worker.enabled", "false",
                    "quarkus.conductor.registration.mode", "none",
                    "quarkus.conductor.devservices.enabled", "false");
        }
    }

    @Inject
    GreetingsWorker worker;

    @Test
    void workerIsABeanToCall() {
        assertThat(worker.greetings("Ada")).isEqualTo("Hello, Ada");
    }
    // end::profile[]

    @Inject
    DefinitionRegistrar registrar;

    @Test
    void nothingIsRegistered() {
        assertThat(registrar.registrations()).isNotEmpty()
                .allSatisfy(registration -> assertThat(registration.status().name()).isEqualTo("NOT_REGISTERED"));
    }
    // tag::profile[]
}
// end::profile[]

package io.quarkiverse.conductor.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A worker method is a method: its logic is tested by calling it, without Quarkus and without a server.
 */
// tag::unit[]
class GreetingsWorkerTest {

    @Test
    void greetsByName() {
        assertThat(new GreetingsWorker().greetings("Ada")).isEqualTo("Hello, Ada");
    }
}
// end::unit[]

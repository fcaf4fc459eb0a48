package io.quarkiverse.conductor.worker.test.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

/** Asserts that the application failed to start with a message naming what to fix. */
final class ConfigFailure {

    private ConfigFailure() {
    }

    static Consumer<Throwable> mentions(String... expected) {
        return failure -> {
            StringBuilder messages = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertThat(messages.toString()).contains(expected);
        };
    }
}

package io.quarkiverse.conductor.worker.test.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Asserts on the messages of a failed build: ArC reports validation errors as a deployment exception with the
 * problems as causes or suppressed exceptions.
 */
final class BuildFailure {

    private BuildFailure() {
    }

    static Consumer<Throwable> hasMessage(String expected) {
        return failure -> assertThat(messages(failure)).anySatisfy(message -> assertThat(message).contains(expected));
    }

    static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        collect(failure, messages);
        return messages;
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
}

package io.quarkiverse.conductor.worker.runtime;

/**
 * A task's input does not fit the worker method's parameters. The task fails with
 * {@code FAILED_WITH_TERMINAL_ERROR}: retrying the same input would fail the same way.
 */
final class InputBindingException extends Exception {

    private static final long serialVersionUID = 1L;

    InputBindingException(String message) {
        // no stack trace: the message says everything, and bad input must stay cheap
        super(message, null, false, false);
    }
}

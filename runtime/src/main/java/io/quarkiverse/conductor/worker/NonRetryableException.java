package io.quarkiverse.conductor.worker;

/**
 * Thrown by a worker to end its task with {@code FAILED_WITH_TERMINAL_ERROR}: the server does not retry it, whatever
 * the task definition's retry count, and the workflow fails. Any other exception ends the task with {@code FAILED},
 * which the server retries.
 */
public class NonRetryableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NonRetryableException(String message) {
        super(message);
    }

    public NonRetryableException(String message, Throwable cause) {
        super(message, cause);
    }
}

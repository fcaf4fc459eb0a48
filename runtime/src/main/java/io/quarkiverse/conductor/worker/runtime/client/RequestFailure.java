package io.quarkiverse.conductor.worker.runtime.client;

/**
 * A request to the Conductor server that did not get the answer it asked for, sorted by what can be done about it. Its
 * message is one line for an operator: the request, the status and what the server said, never a credential.
 */
public final class RequestFailure extends RuntimeException {

    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        /**
         * The server could not be reached, did not answer in time, or answered that it cannot now ({@code 5xx},
         * {@code 429}, {@code 408}): the same request may work later.
         */
        UNAVAILABLE,
        /** The server refused the credentials ({@code 401}, {@code 403}). */
        REFUSED,
        /** The server refused this request for good: any other {@code 4xx}. */
        REJECTED,
        /** The server answered {@code 2xx} with something that is not what its API answers. */
        UNREADABLE,
        /**
         * No secure connection could be made: the TLS handshake failed on a certificate (not trusted, for another host
         * name, a client certificate missing or refused) or the server does not speak TLS. A configuration problem, not
         * an outage; the request may still work later (certificates are renewed and reloaded), so it is retried like one.
         */
        TLS,
        /**
         * The proxy between the application and the server refused the request for want of credentials ({@code 407}): a
         * configuration problem, retried like {@link #TLS}.
         */
        PROXY
    }

    private final Kind kind;
    private final int status;
    private final String detail;

    /**
     * @param status the HTTP status, 0 when there was no answer
     * @param detail what the server said (its message, or the start of its answer), or why there was no answer
     */
    RequestFailure(Kind kind, int status, String detail, Throwable cause) {
        // no stack trace: the message says all, and failures come in numbers during an outage
        super((status == 0 ? "no answer: " : "HTTP " + status + ": ") + detail, cause, false, false);
        this.kind = kind;
        this.status = status;
        this.detail = detail;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status of the answer, 0 when there was none. */
    public int status() {
        return status;
    }

    /** What the server said, without the request and status. */
    public String detail() {
        return detail;
    }

    /** Whether trying the same request later may succeed. */
    public boolean isTransient() {
        return kind == Kind.UNAVAILABLE;
    }

    /**
     * Whether the connection could not be made as configured ({@link Kind#TLS}, {@link Kind#PROXY}): no outage, a
     * problem only a configuration change (or a renewed certificate) ends.
     */
    public boolean isConnectionProblem() {
        return kind == Kind.TLS || kind == Kind.PROXY;
    }

    /** The kind of failure an answer with {@code status} (not {@code 2xx}) is. */
    static Kind kindOf(int status) {
        if (status >= 500 || status == 429 || status == 408) {
            return Kind.UNAVAILABLE;
        }
        if (status == 401 || status == 403) {
            return Kind.REFUSED;
        }
        return Kind.REJECTED;
    }
}

package io.quarkiverse.conductor.worker.runtime.definitions;

/**
 * Where the registration of one definition stands.
 *
 * @param detail what the server said when it rejected the definition, or why it was kept; {@code null} otherwise
 */
public record Registration(DesiredDefinition definition, Status status, String detail) {

    /** What the registration did, or why it did nothing. */
    public enum Status {
        /** The server had no such definition: it was created. */
        CREATED,
        /** The server's copy differed and was updated ({@code upsert}). */
        UPDATED,
        /** The server's copy was the application's: nothing was written. */
        UNCHANGED,
        /** The server's copy differs and was left as it is ({@code create-missing}). */
        KEPT,
        /** Not registered yet: the server could not be reached, it is tried again. */
        PENDING,
        /** The server rejected the definition; it is not tried again. */
        REJECTED,
        /** Registration is off ({@code none}). */
        NOT_REGISTERED
    }
}

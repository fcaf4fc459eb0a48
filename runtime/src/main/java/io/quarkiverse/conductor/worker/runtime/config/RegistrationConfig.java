package io.quarkiverse.conductor.worker.runtime.config;

import java.util.Optional;

import io.smallrye.config.WithDefault;

/**
 * Registration of the application's task and workflow definitions with the server at start-up.
 */
public interface RegistrationConfig {

    /**
     * What is registered at start-up. `create-missing` creates the definitions the server does not have and never
     * changes one it has, so that what an operator changed on the server stays; `upsert` also updates those that differ
     * from the application's (keeping their creation time); `none` registers nothing. By default `create-missing` in
     * production and `upsert` in dev and test mode, where the application's files are the reference. A definition that
     * is the same as the application's is never written again.
     */
    Optional<Mode> mode();

    /**
     * Whether a failed registration fails the start. By default it does not: the failure is logged once, the
     * registration is tried again in the background with the back-off of `quarkus.conductor.retry`, and the workers poll
     * meanwhile. A definition the server rejects as invalid is not tried again.
     */
    @WithDefault("false")
    boolean failOnError();

    /** What is registered at start-up. */
    enum Mode {
        /** Nothing. */
        NONE,
        /** Definitions the server does not have. */
        CREATE_MISSING,
        /** Definitions the server does not have, and those that differ from the application's. */
        UPSERT
    }
}

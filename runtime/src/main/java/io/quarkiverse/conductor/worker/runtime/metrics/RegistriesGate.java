package io.quarkiverse.conductor.worker.runtime.metrics;

/**
 * Holds back the start of polling until Quarkus has attached the application's meter registries (Prometheus...) to the
 * root registry. Quarkus does that in a start-up step that the {@code StartupEvent} does not wait for: a poll made
 * before would be recorded in a root registry with no registry under it, and lost.
 * <p>
 * Closed at static init when the workers have metrics, opened by Micrometer once its registries are in place; without
 * metrics it is never closed.
 */
public final class RegistriesGate {

    private static boolean closed;
    private static Runnable waiting;

    private RegistriesGate() {
    }

    /** At each start (a test JVM or dev mode starts several applications): closed if the workers have metrics. */
    static synchronized void reset(boolean close) {
        closed = close;
        waiting = null;
    }

    static void open() {
        Runnable action;
        synchronized (RegistriesGate.class) {
            closed = false;
            action = waiting;
            waiting = null;
        }
        if (action != null) {
            action.run();
        }
    }

    /** Runs {@code action} now, or once the registries are in place if they are not yet. */
    public static void then(Runnable action) {
        synchronized (RegistriesGate.class) {
            if (closed) {
                waiting = action;
                return;
            }
        }
        action.run();
    }
}

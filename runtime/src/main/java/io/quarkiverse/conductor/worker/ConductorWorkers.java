package io.quarkiverse.conductor.worker;

import java.util.List;
import java.util.Optional;

/**
 * The workers of the application at run time: what each is set to, what it is doing and has done; and a switch to pause
 * and resume polling, one worker or all. Inject it where an operator's action needs it (an admin endpoint, a
 * maintenance window), or read it for a status page.
 *
 * <pre>
 * &#64;Inject
 * ConductorWorkers workers;
 *
 * void maintenance() {
 *     workers.pauseAll(); // running tasks finish and report; nothing new is taken
 * }
 * </pre>
 */
public interface ConductorWorkers {

    /** Every worker of the application, in the order the build found them, disabled ones included. */
    List<WorkerInfo> workers();

    /** The worker of task type {@code taskName}, if the application has one. */
    Optional<WorkerInfo> worker(String taskName);

    /**
     * Stops polling for {@code taskName}: tasks already taken run and report, nothing new is taken.
     *
     * @return whether that worker polls at all (it exists and is enabled)
     */
    boolean pause(String taskName);

    /**
     * Resumes polling for {@code taskName}.
     *
     * @return whether that worker polls at all (it exists and is enabled)
     */
    boolean resume(String taskName);

    /** Pauses every worker. */
    void pauseAll();

    /** Resumes every worker. */
    void resumeAll();
}

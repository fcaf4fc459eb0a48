package io.quarkiverse.conductor.worker.it;

import io.quarkiverse.conductor.worker.ConductorWorker;

/**
 * Workers whose configuration (application.properties) changes which tasks they get: one polls the {@code blue}
 * domain only, one starts paused.
 */
public class RoutingWorkers {

    @ConductorWorker("blue_task")
    public String blueTask(String item) {
        return "blue handled " + item;
    }

    @ConductorWorker("paused_task")
    public String pausedTask(String item) {
        return "paused worker handled " + item;
    }
}

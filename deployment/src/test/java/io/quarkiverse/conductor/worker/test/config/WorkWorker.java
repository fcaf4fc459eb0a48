package io.quarkiverse.conductor.worker.test.config;

import io.quarkiverse.conductor.worker.ConductorWorker;

/** One worker, so that the settings are resolved: the tests whose start-up fails on a setting use it. */
class WorkWorker {

    @ConductorWorker("work")
    void work() {
    }
}

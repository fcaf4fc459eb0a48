package io.quarkiverse.conductor.worker.test.devservices;

import io.quarkiverse.conductor.worker.ConductorWorker;

/** The worker of {@link WorkflowFileLiveReloadTest}, which changes its code to restart the application. */
public class ReloadGreeter {

    @ConductorWorker("reload_greetings")
    public String greet(String name) {
        return "Hello, " + name;
    }
}

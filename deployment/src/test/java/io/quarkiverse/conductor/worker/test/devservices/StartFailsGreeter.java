package io.quarkiverse.conductor.worker.test.devservices;

import io.quarkiverse.conductor.worker.ConductorWorker;

/** A worker, so that the application needs a server: the tests whose start fails use it. */
class StartFailsGreeter {

    @ConductorWorker("greetings")
    String greetings(String name) {
        return "Hello, " + name;
    }
}

package org.acme;

import io.quarkiverse.conductor.worker.ConductorWorker;

public class GreetingsWorker {

    @ConductorWorker("greetings") // <1>
    public String greetings(String name) { // <2>
        return "Hello, " + name; // <3>
    }
}

package io.quarkiverse.conductor.worker.it;

import io.quarkiverse.conductor.worker.ConductorWorker;

// tag::greetings[]
public class GreetingsWorker {

    @ConductorWorker("greetings")
    public String greetings(String name) { // <1>
        return "Hello, " + name; // <2>
    }
}
// end::greetings[]

package io.quarkiverse.conductor.worker.it;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.quarkiverse.conductor.worker.ConductorWorker;

// tag::simple-worker[]
public class SimpleWorker {

    public record TaskOutput(List<String> keys, String message, double value) {
    }

    @ConductorWorker("simple_worker")
    public TaskOutput simpleWorker() { // <1>
        double value = -Math.log(1 - ThreadLocalRandom.current().nextDouble()); // exponentially distributed, like Go's rand.ExpFloat64
        return new TaskOutput(List.of("Key1", "Key2"), "Hello World", value);
    }
}
// end::simple-worker[]

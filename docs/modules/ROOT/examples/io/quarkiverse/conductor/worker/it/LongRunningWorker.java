package io.quarkiverse.conductor.worker.it;

import java.time.Duration;
import java.util.Map;

import io.quarkiverse.conductor.worker.ConductorWorker;
import io.quarkiverse.conductor.worker.TaskContext;

// tag::long-running[]
public class LongRunningWorker {

    static final int STEPS = 3;

    @ConductorWorker("long_running")
    public Map<String, Object> longRunning(String job, TaskContext context) {
        int step = context.pollCount(); // 1 on the first call, 2 after the first callback, ...
        context.log(job + ": step " + step + " of " + STEPS);
        if (step < STEPS) {
            context.callbackAfter(Duration.ofSeconds(1)); // <1>
            return Map.of("job", job, "progress", step * 100 / STEPS);
        }
        return Map.of("job", job, "progress", 100, "done", true);
    }
}
// end::long-running[]

package io.quarkiverse.conductor.worker.bench.app;

import io.quarkiverse.conductor.worker.ConductorWorker;

/**
 * The trivial worker of the benchmarks: all the time it takes is the library's and the server's.
 */
public class BenchWorker {

    @ConductorWorker("bench_task")
    public int benchTask(int n) {
        return n + 1;
    }
}

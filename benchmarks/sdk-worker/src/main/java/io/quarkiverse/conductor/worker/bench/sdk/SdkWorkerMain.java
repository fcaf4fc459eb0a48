package io.quarkiverse.conductor.worker.bench.sdk;

import java.util.ArrayList;
import java.util.List;

import com.netflix.conductor.client.automator.TaskRunnerConfigurer;
import com.netflix.conductor.client.http.ConductorClient;
import com.netflix.conductor.client.http.TaskClient;
import com.netflix.conductor.client.worker.Worker;
import com.netflix.conductor.common.metadata.tasks.Task;
import com.netflix.conductor.common.metadata.tasks.TaskResult;

/**
 * The benchmark's worker written with the official Conductor Java SDK ({@code org.conductoross:conductor-client}), the
 * way its README's quickstart runs one: a {@link Worker}, a {@link TaskRunnerConfigurer} with a thread count, nothing
 * else set.
 * <p>
 * Usage: {@code SdkWorkerMain <api-url> <threads> <polling-interval-ms | default> [<workers> <task-prefix>]}. With
 * {@code default} the worker keeps the SDK's polling interval (1 s, slept after an empty poll). With a worker count,
 * it runs that many workers of task types {@code <task-prefix>000}, {@code 001}... that nobody schedules (idle cost);
 * without, one worker of {@code bench_task}.
 */
public final class SdkWorkerMain {

    /** The quickstart's worker: output {@code {"result": n + 1}}, like the other contenders. */
    static class BenchWorker implements Worker {

        private final String taskType;

        BenchWorker(String taskType) {
            this.taskType = taskType;
        }

        @Override
        public String getTaskDefName() {
            return taskType;
        }

        @Override
        public TaskResult execute(Task task) {
            Object n = task.getInputData().get("n");
            TaskResult result = new TaskResult(task);
            result.setStatus(TaskResult.Status.COMPLETED);
            result.getOutputData().put("result", (n instanceof Number number ? number.longValue() : 0L) + 1);
            return result;
        }
    }

    /** The same worker with its polling interval set, the one knob the SDK offers per worker. */
    static final class TunedBenchWorker extends BenchWorker {

        private final int pollingIntervalMillis;

        TunedBenchWorker(String taskType, int pollingIntervalMillis) {
            super(taskType);
            this.pollingIntervalMillis = pollingIntervalMillis;
        }

        @Override
        public int getPollingInterval() {
            return pollingIntervalMillis;
        }
    }

    private SdkWorkerMain() {
    }

    public static void main(String[] args) {
        String apiUrl = args[0];
        int threads = Integer.parseInt(args[1]);
        String pollingInterval = args[2];
        List<String> taskTypes = new ArrayList<>();
        if (args.length > 3) {
            int workers = Integer.parseInt(args[3]);
            for (int i = 0; i < workers; i++) {
                taskTypes.add(args[4] + String.format("%03d", i));
            }
        } else {
            taskTypes.add("bench_task");
        }
        List<Worker> workers = new ArrayList<>();
        for (String taskType : taskTypes) {
            workers.add(pollingInterval.equals("default") ? new BenchWorker(taskType)
                    : new TunedBenchWorker(taskType, Integer.parseInt(pollingInterval)));
        }
        TaskClient taskClient = new TaskClient(ConductorClient.builder().basePath(apiUrl).build());
        // the thread count has no usable default (-1: the runner fails to start and never polls, silently)
        TaskRunnerConfigurer configurer = new TaskRunnerConfigurer.Builder(taskClient, workers)
                .withThreadCount(threads)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(configurer::shutdown, "sdk-worker-shutdown"));
        configurer.init();
    }
}

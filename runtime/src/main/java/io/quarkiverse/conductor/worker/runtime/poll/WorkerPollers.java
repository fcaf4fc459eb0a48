package io.quarkiverse.conductor.worker.runtime.poll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkiverse.conductor.worker.runtime.Worker;
import io.quarkiverse.conductor.worker.runtime.WorkerRegistry;
import io.quarkiverse.conductor.worker.runtime.client.Backoff;
import io.quarkiverse.conductor.worker.runtime.client.ConductorJson;
import io.quarkiverse.conductor.worker.runtime.client.ServerUrl;
import io.quarkiverse.conductor.worker.runtime.client.TaskApiClient;
import io.quarkiverse.conductor.worker.runtime.config.ConductorConfig;
import io.quarkiverse.conductor.worker.runtime.metrics.RegistriesGate;
import io.quarkiverse.conductor.worker.runtime.tracing.TaskTracing;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Starts a {@link TaskPoller} per enabled worker first thing at start-up, and stops them at shutdown:
 * polling stops at once, running tasks get {@code quarkus.conductor.shutdown-grace-period} to finish and report.
 */
@Singleton
public class WorkerPollers {

    private static final Logger LOG = Logger.getLogger(WorkerPollers.class);

    private final Map<String, TaskPoller> pollers = new LinkedHashMap<>();
    /**
     * Pause and resume asked for before the pollers exist, applied as they start: with metrics they start once the meter
     * registries are in place, which can be after the application's start-up observers (one that resumes the workers
     * it started paused must not be ignored). Guarded by {@link #pollers}.
     */
    private final Map<String, Boolean> pausedBeforeStart = new HashMap<>();
    private boolean pollersCreated;
    private volatile ResultReporter reporter;
    private volatile ServerAvailability availability;

    @Inject
    Instance<WorkerEvents> listeners;

    @Inject
    Instance<TaskTracing> tracing;

    @Inject
    WorkerRegistry registry;

    @Inject
    ConductorConfig config;

    @Inject
    Instance<EffectiveWorkerSettings> settings;

    @Inject
    Instance<TaskApiClient> client;

    @Inject
    Vertx vertx;

    /**
     * First of the start-up observers, as message consumers are: the first polls go out while the rest of the start-up
     * (the registration of the definitions, which waits for the server, and the application's own start-up code) runs.
     * A task can therefore run before the application's start-up observers have: an application that must not, starts
     * its workers paused and resumes them ({@code ConductorWorkers}) at the end of its start-up.
     */
    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE - 1) StartupEvent event) {
        // resolving the settings validates them: an invalid value fails the start-up here, not later
        if (!registry.workers().isEmpty()) {
            settings.get();
        }
        RegistriesGate.then(this::startPolling);
    }

    private void startPolling() {
        if (registry.workers().isEmpty()) {
            return;
        }
        // resolving the settings validates them: an invalid value fails the start-up here
        EffectiveWorkerSettings effective = settings.get();
        List<Worker> enabled = registry.workers().stream()
                .filter(worker -> effective.get(worker.taskName()).enabled()).toList();
        if (enabled.isEmpty()) {
            synchronized (pollers) {
                pollersCreated = true;
            }
            LOG.info("All Conductor workers are disabled: no task is polled");
            return;
        }
        TaskApiClient api = client.get();
        availability = new ServerAvailability(ServerUrl.forLogs(api.serverUrl().toString()));
        Backoff errorBackoff = new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff());
        reporter = new ResultReporter(api, availability, errorBackoff, vertx, System::nanoTime);
        List<WorkerEvents> observers = listeners.stream().toList();
        TaskTracing traces = tracing.isResolvable() ? tracing.get() : TaskTracing.NONE;
        synchronized (pollers) {
            pollersCreated = true;
            for (Worker worker : enabled) {
                WorkerSettings workerSettings = effective.get(worker.taskName());
                Boolean paused = pausedBeforeStart.remove(worker.taskName());
                if (paused != null) {
                    workerSettings = workerSettings.withPaused(paused);
                }
                pollers.put(worker.taskName(), new TaskPoller(worker, workerSettings, api, reporter, availability,
                        errorBackoff, WorkerExecutors.forMethod(worker.method()), vertx, observers, traces));
            }
        }
        pollers.values().forEach(TaskPoller::start);
        // what the first task needs and the first poll does not (the application's mapper, Conductor's task readers)
        // is made while the first polls are out, not before them; a mapper customizer that throws still fails the start
        try {
            enabled.forEach(Worker::prepare);
            ConductorJson.prepare();
        } catch (RuntimeException | Error e) {
            // no poller goes on for an application that is not there (its HTTP client closes with it)
            running().forEach(TaskPoller::stop);
            throw e;
        }
        LOG.infof("Polling %s from the Conductor server at %s", pollers.values().stream()
                .map(poller -> describe(poller.settings())).collect(Collectors.joining(", ")),
                ServerUrl.forLogs(api.serverUrl().toString()));
    }

    private static String describe(WorkerSettings settings) {
        return settings.taskName() + " (concurrency " + settings.concurrency()
                + (settings.domain() == null ? "" : ", domain " + settings.domain())
                + (settings.paused() ? ", paused" : "") + ")";
    }

    /**
     * A start that fails after the pollers began (another start-up observer throws) fires no {@code ShutdownEvent}, but
     * the container is destroyed: polling stops there.
     */
    @PreDestroy
    void destroy() {
        running().forEach(TaskPoller::stop);
    }

    /**
     * Polling stops as soon as shutdown begins, before other beans' shutdown observers run: no new task is taken while
     * the application winds down.
     */
    void stopPolling(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        running().forEach(TaskPoller::stop);
    }

    /**
     * Waits, among the application's own shutdown observers, for the tasks the workers hold to run and report, at most
     * the grace period: those running, and those a server handed out beyond what was asked, which wait for a slot. What
     * is still held after it (or when the wait is interrupted) is named in a warning, and nothing starts any more.
     */
    void awaitRunningTasks(@Observes ShutdownEvent event) {
        List<TaskPoller> running = running();
        if (running.isEmpty()) {
            return;
        }
        CompletableFuture<?>[] stops = running.stream().map(poller -> poller.stop().toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(stops).get(config.shutdownGracePeriod().toMillis(), TimeUnit.MILLISECONDS);
            return;
        } catch (TimeoutException e) {
            abandon(running, "after the shutdown grace period of " + config.shutdownGracePeriod());
        } catch (InterruptedException e) {
            abandon(running, "when the shutdown wait was interrupted");
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.error("Stopping the Conductor workers failed", e.getCause());
            abandon(running, "after stopping them failed");
        }
    }

    private void abandon(List<TaskPoller> running, String when) {
        for (TaskPoller poller : running) {
            TaskPoller.Abandoned abandoned = poller.abandon();
            if (!abandoned.isEmpty()) {
                LOG.warnf("Tasks of %s still held %s; their results are not sent, and the server hands them out again"
                        + " after their response timeout. Running: %s; not started: %s", abandoned.taskName(), when,
                        abandoned.running(), abandoned.unstarted());
            }
        }
        ResultReporter results = reporter;
        if (results != null) {
            // results still being retried are given up now, each logged
            results.stop();
        }
    }

    private List<TaskPoller> running() {
        synchronized (pollers) {
            return new ArrayList<>(pollers.values());
        }
    }

    /** How the server answers the workers, or {@code null} if no worker polls. */
    public ServerAvailability availability() {
        return availability;
    }

    /**
     * The workers that should be polling and are not, for {@code quiet} or more (see
     * {@link TaskPoller#isStuck(java.time.Duration)}).
     */
    public List<String> stuck(java.time.Duration quiet) {
        return running().stream().filter(poller -> poller.isStuck(quiet)).map(poller -> poller.settings().taskName())
                .toList();
    }

    /** The poller of {@code taskName}, or {@code null} if that worker does not poll. */
    TaskPoller poller(String taskName) {
        synchronized (pollers) {
            return pollers.get(taskName);
        }
    }

    /** What the worker of {@code taskName} did so far, or {@code null} if it does not poll. */
    public WorkerStats stats(String taskName) {
        TaskPoller poller = poller(taskName);
        return poller == null ? null : poller.stats();
    }

    /** Stops polling for {@code taskName}; running tasks finish. Returns whether that worker polls at all. */
    public boolean pause(String taskName) {
        return setPaused(taskName, true);
    }

    /** Resumes polling for {@code taskName}. Returns whether that worker polls at all. */
    public boolean resume(String taskName) {
        return setPaused(taskName, false);
    }

    private boolean setPaused(String taskName, boolean paused) {
        TaskPoller poller;
        synchronized (pollers) {
            if (!pollersCreated) {
                if (registry.worker(taskName) == null) {
                    return false;
                }
                pausedBeforeStart.put(taskName, paused);
                return true;
            }
            poller = pollers.get(taskName);
        }
        if (poller != null) {
            if (paused) {
                poller.pause();
            } else {
                poller.resume();
            }
        }
        return poller != null;
    }

    public boolean isPaused(String taskName) {
        TaskPoller poller = poller(taskName);
        return poller != null && poller.isPaused();
    }
}

package io.quarkiverse.conductor.worker.runtime.definitions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.conductor.worker.runtime.client.Backoff;
import io.quarkiverse.conductor.worker.runtime.client.MetadataApiClient;
import io.quarkiverse.conductor.worker.runtime.client.RequestFailure;
import io.quarkiverse.conductor.worker.runtime.client.ServerUrl;
import io.quarkiverse.conductor.worker.runtime.client.TaskApiClient;
import io.quarkiverse.conductor.worker.runtime.config.ConductorConfig;
import io.quarkiverse.conductor.worker.runtime.config.RegistrationConfig.Mode;
import io.quarkiverse.conductor.worker.runtime.definitions.Registration.Status;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Registers the application's task and workflow definitions at start-up, before the application's own start-up code
 * runs (which may start workflows), while the workers' first polls are out. A definition the server has as the application has
 * it is not written again, so a
 * second start changes nothing on the server.
 * <p>
 * When the server cannot be reached, the start goes on (the workers poll meanwhile), one WARN says so, and what is left
 * is registered in the background with the back-off of {@code quarkus.conductor.retry}; with
 * {@code quarkus.conductor.registration.fail-on-error=true}, the start fails instead. A definition the server rejects is
 * not tried again.
 */
@Singleton
public class DefinitionRegistrar {

    private static final Logger LOG = Logger.getLogger(DefinitionRegistrar.class);

    @Inject
    ConductorConfig config;

    @Inject
    ApplicationDefinitions definitions;

    @Inject
    Instance<MetadataApiClient> client;

    @Inject
    Instance<TaskApiClient> taskClient;

    @Inject
    Vertx vertx;

    private final Map<String, Registration> registrations = new LinkedHashMap<>();
    private volatile boolean stopped;
    private volatile long retryTimer = -1;
    private int failedAttempts;

    /**
     * Runs before the application's own start-up observers, so that the definitions exist when they start workflows. An
     * invalid task definition setting fails the start here, whatever the mode.
     */
    void register(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) StartupEvent event) {
        List<DesiredDefinition> desired = desired();
        Mode mode = mode();
        if (desired.isEmpty()) {
            return;
        }
        if (mode == Mode.NONE) {
            desired.forEach(definition -> record(new Registration(definition, Status.NOT_REGISTERED, null)));
            LOG.infof("Not registering %d Conductor definitions: quarkus.conductor.registration.mode is none",
                    desired.size());
            return;
        }
        // an invalid server URL or client setting fails the start here, before any attempt
        MetadataApiClient metadata = client.get();
        desired.forEach(definition -> record(new Registration(definition, Status.PENDING, null)));
        Deque<DesiredDefinition> pending = new ArrayDeque<>(desired);
        try {
            // the first attempt holds the start-up: the application's start-up code finds its definitions registered
            attempt(metadata, pending, mode).await().indefinitely();
        } catch (RuntimeException failure) {
            if (config.registration().failOnError()) {
                throw new IllegalStateException("Could not register " + describe(pending) + " with the Conductor server at "
                        + serverUrl() + ": " + TaskApiClient.describe(failure) + ". The start fails because"
                        + " quarkus.conductor.registration.fail-on-error is true", failure);
            }
            LOG.warnf("Could not register %s with the Conductor server at %s (%s); the registration is tried again in"
                    + " the background with back-off, and the workers poll meanwhile", describe(pending), serverUrl(),
                    TaskApiClient.describe(failure));
            retryLater(metadata, pending, mode);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        long timer = retryTimer;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Where the registration of each definition stands, task definitions first. */
    public synchronized List<Registration> registrations() {
        return List.copyOf(registrations.values());
    }

    /** The registration mode in effect: the configured one, else by launch mode. */
    public Mode mode() {
        return config.registration().mode()
                .orElse(LaunchMode.current() == LaunchMode.NORMAL ? Mode.CREATE_MISSING : Mode.UPSERT);
    }

    private List<DesiredDefinition> desired() {
        List<DesiredDefinition> desired = new ArrayList<>(
                new TaskDefinitionResolver(config).resolve(definitions.workerDefinitions()));
        definitions.files().forEach(file -> desired.add(ApplicationDefinitions.read(file)));
        return desired;
    }

    /**
     * Registers the pending definitions in order, removing each one done. A definition the server rejects is logged and
     * dropped; a failure that may pass (the server is down) stops the attempt, and fails the returned {@code Uni}.
     */
    private Uni<Void> attempt(MetadataApiClient metadata, Deque<DesiredDefinition> pending, Mode mode) {
        DesiredDefinition next = pending.peekFirst();
        if (next == null || stopped) {
            return Uni.createFrom().voidItem();
        }
        return registerOne(metadata, next, mode).onItemOrFailure().transformToUni((registration, failure) -> {
            if (failure != null && isRetryable(failure)) {
                return Uni.createFrom().failure(failure);
            }
            if (failure != null) {
                if (config.registration().failOnError()) {
                    return Uni.createFrom().failure(failure);
                }
                registration = new Registration(next, Status.REJECTED, TaskApiClient.describe(failure));
                LOG.warnf("The Conductor server at %s rejected the %s (%s): %s. It is not registered; fix it and"
                        + " restart", serverUrl(), next.describe(), next.origin(), registration.detail());
            } else {
                log(registration);
            }
            record(registration);
            pending.removeFirst();
            return attempt(metadata, pending, mode);
        });
    }

    private void retryLater(MetadataApiClient metadata, Deque<DesiredDefinition> pending, Mode mode) {
        if (stopped || pending.isEmpty()) {
            return;
        }
        failedAttempts++;
        Backoff backoff = new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff());
        retryTimer = vertx.setTimer(Math.max(1, backoff.delayMillis(failedAttempts)), id -> {
            retryTimer = -1;
            attempt(metadata, pending, mode).subscribe().with(done -> {
                if (!stopped) {
                    LOG.infof("Registered the Conductor definitions left after %d failed attempts", failedAttempts);
                }
            }, failure -> {
                LOG.debugf("Still cannot register %s: %s", describe(pending), TaskApiClient.describe(failure));
                retryLater(metadata, pending, mode);
            });
        });
    }

    private Uni<Registration> registerOne(MetadataApiClient metadata, DesiredDefinition definition, Mode mode) {
        if (definition.kind() == DefinitionFile.Kind.TASK) {
            return metadata.getTaskDefinition(definition.name()).chain(stored -> {
                if (stored.isEmpty()) {
                    return metadata.createTaskDefinition(definition.json()).replaceWith(created(definition));
                }
                if (DefinitionComparison.sameTask(definition.json(), stored.get(), definition.ownedFields())) {
                    return Uni.createFrom().item(new Registration(definition, Status.UNCHANGED, null));
                }
                if (mode == Mode.CREATE_MISSING) {
                    return Uni.createFrom().item(kept(definition));
                }
                // PUT keeps the creation time; POST would reset it
                return metadata.updateTaskDefinition(
                        DefinitionComparison.taskUpdate(definition.json(), stored.get(), definition.ownedFields()))
                        .replaceWith(new Registration(definition, Status.UPDATED, null));
            });
        }
        return registerWorkflow(metadata, definition, mode, true);
    }

    private Uni<Registration> registerWorkflow(MetadataApiClient metadata, DesiredDefinition definition, Mode mode,
            boolean mayCreate) {
        return metadata.getWorkflowDefinition(definition.name(), definition.version()).chain(stored -> {
            if (stored.isEmpty()) {
                if (!mayCreate) {
                    return Uni.createFrom().failure(new IllegalStateException("the server answered that it has the"
                            + " definition, then that it has not"));
                }
                // POST creates and never overwrites: 409 means another instance of the application created it meanwhile
                return metadata.createWorkflowDefinition(definition.json()).chain(created -> created
                        ? Uni.createFrom().item(created(definition))
                        : registerWorkflow(metadata, definition, mode, false));
            }
            if (DefinitionComparison.sameWorkflow(definition.json(), stored.get())) {
                return Uni.createFrom().item(new Registration(definition, Status.UNCHANGED, null));
            }
            if (mode == Mode.CREATE_MISSING) {
                return Uni.createFrom().item(kept(definition));
            }
            // PUT stores the creation time it is sent, POST with overwrite resets it: send the server's own
            ObjectNode update = definition.json().deepCopy();
            for (String field : List.of("createTime", "createdBy", "ownerApp")) {
                if (stored.get().hasNonNull(field)) {
                    update.set(field, stored.get().get(field));
                }
            }
            return metadata.updateWorkflowDefinition(update)
                    .replaceWith(new Registration(definition, Status.UPDATED, null));
        });
    }

    private static Registration created(DesiredDefinition definition) {
        return new Registration(definition, Status.CREATED, null);
    }

    private static Registration kept(DesiredDefinition definition) {
        return new Registration(definition, Status.KEPT, "the server's copy differs from the application's ("
                + definition.origin() + ") and is kept (quarkus.conductor.registration.mode=create-missing)");
    }

    private static void log(Registration registration) {
        DesiredDefinition definition = registration.definition();
        if (registration.status() == Status.KEPT) {
            LOG.infof("Conductor %s: unchanged; %s", definition.describe(), registration.detail());
        } else {
            LOG.infof("Conductor %s: %s", definition.describe(), registration.status().name().toLowerCase());
        }
    }

    private boolean isRetryable(Throwable failure) {
        if (!(failure instanceof RequestFailure request)) {
            return false;
        }
        // a refused token is being renewed; without one, a refusal is final. A TLS or proxy problem is no verdict on the
        // definition: tried again, as the workers' polls are (a renewed certificate or reloaded trust store ends it)
        return request.isTransient() || request.isConnectionProblem()
                || request.kind() == RequestFailure.Kind.REFUSED && taskClient.get().isAuthenticated();
    }

    private synchronized void record(Registration registration) {
        DesiredDefinition definition = registration.definition();
        registrations.put(definition.kind() + "/" + definition.name() + "/" + definition.version(), registration);
    }

    private String serverUrl() {
        return ServerUrl.forLogs(ServerUrl.resolve().toString());
    }

    private static String describe(Deque<DesiredDefinition> pending) {
        List<String> names = pending.stream().map(DesiredDefinition::describe).collect(Collectors.toList());
        return names.size() == 1 ? names.get(0)
                : names.size() + " definitions (" + (names.size() <= 3 ? String.join(", ", names)
                        : String.join(", ", names.subList(0, 3)) + ", ...") + ")";
    }
}

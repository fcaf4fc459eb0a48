package io.quarkiverse.conductor.worker.runtime.poll;

import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.quarkiverse.conductor.worker.runtime.client.TaskApiClient;

/**
 * Tells operators, once, that the Conductor server fails, and once that it is back, whatever the number of workers
 * retrying in between (their failures are logged at DEBUG).
 */
public final class ServerAvailability {

    private static final Logger LOG = Logger.getLogger(ServerAvailability.class);

    private final String server;
    private final AtomicBoolean failing = new AtomicBoolean();

    public ServerAvailability(String server) {
        this.server = server;
    }

    public void failed(String request, Throwable failure) {
        if (failing.compareAndSet(false, true)) {
            LOG.warnf("Requests to the Conductor server at %s fail (%s: %s); workers keep retrying with back-off and"
                    + " log further failures at DEBUG level", server, request, TaskApiClient.describe(failure));
        } else if (LOG.isDebugEnabled()) {
            LOG.debugf("%s failed: %s", request, TaskApiClient.describe(failure));
        }
    }

    public void succeeded() {
        // a plain read first: this runs after every request, and the server is almost always fine
        if (failing.get() && failing.compareAndSet(true, false)) {
            LOG.infof("The Conductor server at %s answers again", server);
        }
    }

    public boolean isFailing() {
        return failing.get();
    }
}

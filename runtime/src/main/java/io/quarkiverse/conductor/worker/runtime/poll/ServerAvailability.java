package io.quarkiverse.conductor.worker.runtime.poll;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;

import io.quarkiverse.conductor.worker.runtime.client.RequestFailure;
import io.quarkiverse.conductor.worker.runtime.client.TaskApiClient;

/**
 * Tells operators, once, that the Conductor server fails, and once that it is back, whatever the number of workers
 * retrying in between (their failures are logged at DEBUG).
 * <p>
 * A server that fails some requests and answers others (one result it keeps refusing, a flaky proxy) would turn that
 * into a WARN and an INFO per retry; so after a WARN, the next ones wait {@link #QUIET_PERIOD_NANOS}: failures and
 * recoveries in between are logged at DEBUG. A failed TLS handshake or a proxy refusal is no outage but a configuration
 * problem: one ERROR.
 */
public final class ServerAvailability {

    private static final Logger LOG = Logger.getLogger(ServerAvailability.class);
    static final long QUIET_PERIOD_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final String server;
    private final long quietPeriodNanos;
    private final LongSupplier clock;
    private volatile boolean failing;
    private volatile long failingSince;
    private volatile String refusal;
    // guarded by this
    private boolean outageWarned;
    // guarded by this
    private long lastWarning;
    // guarded by this
    private boolean warnedOnce;
    // guarded by this
    private boolean connectionProblemReported;

    public ServerAvailability(String server) {
        this(server, QUIET_PERIOD_NANOS, System::nanoTime);
    }

    ServerAvailability(String server, long quietPeriodNanos, LongSupplier clock) {
        this.server = server;
        this.quietPeriodNanos = quietPeriodNanos;
        this.clock = clock;
    }

    /** The server's URL, without credentials. */
    public String server() {
        return server;
    }

    public void failed(String request, Throwable failure) {
        if (failure instanceof RequestFailure problem && problem.isConnectionProblem()) {
            connectionProblem(request, problem);
            return;
        }
        boolean warn = false;
        synchronized (this) {
            if (!failing) {
                failingSince = clock.getAsLong();
            }
            failing = true;
            // an outage that began inside the quiet period is still told once the period is over
            long now = clock.getAsLong();
            if (!outageWarned && (!warnedOnce || now - lastWarning >= quietPeriodNanos)) {
                warn = true;
                outageWarned = true;
                warnedOnce = true;
                lastWarning = now;
            }
        }
        if (warn) {
            LOG.warnf("Requests to the Conductor server at %s fail (%s: %s); workers keep retrying with back-off and"
                    + " log further failures at DEBUG level", server, request, TaskApiClient.describe(failure));
        } else if (LOG.isDebugEnabled()) {
            LOG.debugf("%s failed: %s", request, TaskApiClient.describe(failure));
        }
    }

    /**
     * No connection as configured (TLS, proxy): a configuration problem, not an outage. Told once at ERROR, with what to
     * fix, until a request goes through (a fixed certificate, a reloaded trust store); the quiet period of outages does
     * not hide it.
     */
    private void connectionProblem(String request, RequestFailure failure) {
        boolean report;
        synchronized (this) {
            if (!failing) {
                failingSince = clock.getAsLong();
            }
            failing = true;
            report = !connectionProblemReported;
            connectionProblemReported = true;
        }
        if (report) {
            LOG.errorf("Cannot connect to the Conductor server at %s (%s): %s. Workers keep retrying with back-off and log"
                    + " further failures at DEBUG level", server, request, failure.detail());
        } else if (LOG.isDebugEnabled()) {
            LOG.debugf("%s failed: %s", request, failure.getMessage());
        }
    }

    /** The server refused the credentials of a request ({@code 401}/{@code 403}): {@code why} says how. */
    public void refused(String why) {
        refusal = why;
    }

    /**
     * How long the server has not answered, or {@link Duration#ZERO} while it answers. A refusal of the credentials
     * is an answer; see {@link #refusal()}.
     */
    public java.time.Duration unansweredFor() {
        return failing ? java.time.Duration.ofNanos(clock.getAsLong() - failingSince) : java.time.Duration.ZERO;
    }

    /** Why the server refuses the credentials, or {@code null} while it takes them. */
    public String refusal() {
        return refusal;
    }

    public void succeeded() {
        // plain reads first: this runs after every request, and the server is almost always fine
        if (refusal != null) {
            refusal = null;
        }
        if (!failing) {
            return;
        }
        boolean warned;
        synchronized (this) {
            if (!failing) {
                return;
            }
            failing = false;
            warned = outageWarned || connectionProblemReported;
            outageWarned = false;
            connectionProblemReported = false;
        }
        if (warned) {
            LOG.infof("The Conductor server at %s answers again", server);
        } else {
            LOG.debugf("The Conductor server at %s answers again", server);
        }
    }
}

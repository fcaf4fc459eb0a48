package io.quarkiverse.conductor.worker.runtime.poll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import io.quarkiverse.conductor.worker.runtime.client.ConnectionPool;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The connection pool of the task API's client, sized for what the workers send: each enabled worker keeps up to
 * {@code long-polls} polls open (no more than its free slots), which the server holds for up to 5 seconds, and sends a
 * result update per running task. Decided here, with the workers' settings, so that the client knows only the result.
 */
final class ConnectionPoolSettings {

    static final String POOL_SIZE = "quarkus.conductor.connection-pool-size";
    static final String KEEP_ALIVE_TIMEOUT = "quarkus.conductor.keep-alive-timeout";

    /** Room for the application's own {@code TaskClient} calls besides the workers'. */
    static final int MIN_COMPUTED_SIZE = 20;

    /**
     * @throws ConfigurationException naming each property whose value cannot work
     */
    private ConnectionPoolSettings() {
    }

    static ConnectionPool resolve(OptionalInt configuredSize, Duration keepAliveTimeout,
            List<WorkerSettings> workers) {
        List<WorkerSettings> enabled = workers.stream().filter(WorkerSettings::enabled).toList();
        int computed = Math.max(MIN_COMPUTED_SIZE, enabled.stream().mapToInt(worker -> 1 + worker.concurrency()).sum());
        List<String> problems = new ArrayList<>(2);
        int size = configuredSize.orElse(computed);
        int longPolls = enabled.stream().mapToInt(ConnectionPoolSettings::longPollsAtOnce).sum();
        if (size < 1) {
            problems.add(POOL_SIZE + " is " + size + ": it must be at least 1, or left unset to have it computed (here "
                    + computed + ")");
        } else if (size <= longPolls) {
            // paused workers count: they poll again once resumed, without a restart
            problems.add(POOL_SIZE + " is " + size + ", too small for the long polls the workers keep open: up to "
                    + longPolls + " at once (" + enabled.stream().map(w -> w.taskName() + ": " + longPollsAtOnce(w))
                            .collect(Collectors.joining(", "))
                    + "), each holding its connection for up to 5 seconds, so that results would wait behind them. Set"
                    + " it to at least " + (longPolls + 1) + ", or leave it unset to have it computed (here " + computed
                    + "); or lower quarkus.conductor.worker.long-polls");
        }
        if (keepAliveTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add(KEEP_ALIVE_TIMEOUT + " is " + keepAliveTimeout + ": it must be at least 1s (idle connections"
                    + " are closed in whole seconds)");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(
                    "Invalid Conductor connection configuration:\n - " + String.join("\n - ", problems));
        }
        // whole seconds, rounded up: 1.5s must not become 1s, which is shorter than asked
        Duration keepAlive = Duration.ofSeconds(keepAliveTimeout.getSeconds() + (keepAliveTimeout.getNano() == 0 ? 0 : 1));
        return new ConnectionPool(size, keepAlive);
    }

    /** A worker never keeps more long polls open than it has free slots for the tasks they would bring. */
    private static int longPollsAtOnce(WorkerSettings worker) {
        return Math.min(worker.longPolls(), worker.concurrency());
    }
}

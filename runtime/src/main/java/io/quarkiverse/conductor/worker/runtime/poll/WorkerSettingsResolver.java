package io.quarkiverse.conductor.worker.runtime.poll;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

import io.quarkiverse.conductor.worker.runtime.WorkerMethod;
import io.quarkiverse.conductor.worker.runtime.config.ConductorConfig;
import io.quarkiverse.conductor.worker.runtime.config.WorkerConfig;
import io.quarkiverse.conductor.worker.runtime.config.WorkerDefaultsConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.runtime.configuration.DurationConverter;

/**
 * Computes each worker's {@link WorkerSettings} from the configuration and the worker's annotation, and rejects
 * values that cannot work, naming the property to fix.
 */
public final class WorkerSettingsResolver {

    /** Conductor servers do not hold a poll longer than this. */
    static final Duration MAX_LONG_POLL = Duration.ofSeconds(5);

    /** A held poll is answered after its timeout, plus the time the server takes to look at its queue once more. */
    private static final Duration LONG_POLL_ANSWER_MARGIN = Duration.ofSeconds(1);

    private final ConductorConfig config;
    private final String defaultWorkerId;
    private final List<String> problems = new ArrayList<>();

    public WorkerSettingsResolver(ConductorConfig config) {
        this.config = config;
        this.defaultWorkerId = config.worker().workerId().orElseGet(WorkerSettingsResolver::hostName);
    }

    /**
     * @throws ConfigurationException listing every invalid value, with its property
     */
    public List<WorkerSettings> resolve(List<WorkerMethod> methods) {
        List<WorkerSettings> settings = new ArrayList<>(methods.size());
        for (WorkerMethod method : methods) {
            settings.add(resolve(method));
        }
        validateRetry();
        validateReadTimeout(settings);
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid Conductor worker configuration:\n - " + String.join("\n - ", problems));
        }
        return settings;
    }

    private void validateRetry() {
        Duration initial = config.retry().initialBackoff();
        Duration max = config.retry().maxBackoff();
        atLeastOneMillisecond(initial, "quarkus.conductor.retry.initial-backoff");
        atLeastOneMillisecond(max, "quarkus.conductor.retry.max-backoff");
        if (max.compareTo(initial) < 0) {
            problems.add("quarkus.conductor.retry.max-backoff is " + max + ", less than quarkus.conductor.retry"
                    + ".initial-backoff (" + initial + "): the longest wait cannot be shorter than the first one");
        }
    }

    /** The read timeout bounds every request: it must outlast the longest long poll an enabled worker sends. */
    private void validateReadTimeout(List<WorkerSettings> settings) {
        if (settings.stream().noneMatch(WorkerSettings::enabled)) {
            return;
        }
        Duration readTimeout = config.readTimeout();
        Duration shortest = MAX_LONG_POLL.plus(LONG_POLL_ANSWER_MARGIN);
        if (readTimeout.compareTo(shortest) < 0) {
            problems.add("quarkus.conductor.read-timeout is " + readTimeout + ", which would cut the long polls of idle"
                    + " workers short: the server holds them for up to " + MAX_LONG_POLL.toSeconds() + " seconds and"
                    + " answers a little later under load, so set it to " + shortest.toSeconds() + "s or more (the"
                    + " default is 30s)");
        }
    }

    private WorkerSettings resolve(WorkerMethod method) {
        String task = method.getTaskName();
        WorkerDefaultsConfig defaults = config.worker();
        WorkerConfig own = config.workers().get(task);
        Optional<WorkerConfig> overrides = Optional.ofNullable(own);
        String ownPrefix = "quarkus.conductor.workers.\"" + task + "\".";

        boolean enabled = overrides.flatMap(WorkerConfig::enabled).orElse(defaults.enabled());
        int concurrency = overrideInt(overrides, WorkerConfig::concurrency,
                method.getConcurrency() > 0 ? method.getConcurrency() : defaults.concurrency());
        String concurrencyProperty = own != null && own.concurrency().isPresent() ? ownPrefix + "concurrency"
                : method.getConcurrency() > 0 ? "@ConductorWorker(concurrency) of " + method.getDescription()
                        : "quarkus.conductor.worker.concurrency";
        atLeastOne(concurrency, concurrencyProperty);

        Duration annotatedInterval = method.getPollInterval().isEmpty() ? defaults.pollInterval()
                : DurationConverter.parseDuration(method.getPollInterval());
        Duration pollInterval = override(overrides, WorkerConfig::pollInterval, annotatedInterval);
        notNegative(pollInterval, property(own, WorkerConfig::pollInterval, ownPrefix, "poll-interval"));
        Duration maxPollInterval = override(overrides, WorkerConfig::maxPollInterval, defaults.maxPollInterval());
        notNegative(maxPollInterval, property(own, WorkerConfig::maxPollInterval, ownPrefix, "max-poll-interval"));
        Duration longPollTimeout = override(overrides, WorkerConfig::longPollTimeout, defaults.longPollTimeout());
        String longPollProperty = property(own, WorkerConfig::longPollTimeout, ownPrefix, "long-poll-timeout");
        notNegative(longPollTimeout, longPollProperty);
        if (longPollTimeout.compareTo(MAX_LONG_POLL) > 0) {
            problems.add(longPollProperty + " is " + longPollTimeout + ", but Conductor servers hold a poll for at most "
                    + MAX_LONG_POLL.toSeconds() + " seconds: set 5s or less");
        }
        int longPolls = overrideInt(overrides, WorkerConfig::longPolls, defaults.longPolls());
        atLeastOne(longPolls, own != null && own.longPolls().isPresent() ? ownPrefix + "long-polls"
                : "quarkus.conductor.worker.long-polls");
        int batchLimit = overrideInt(overrides, WorkerConfig::batchLimit, defaults.batchLimit().orElse(concurrency));
        atLeastOne(batchLimit, own != null && own.batchLimit().isPresent() ? ownPrefix + "batch-limit"
                : "quarkus.conductor.worker.batch-limit");

        String domain = overrides.flatMap(WorkerConfig::domain)
                .orElse(method.getDomain().isEmpty() ? defaults.domain().orElse(null) : method.getDomain());
        String workerId = overrides.flatMap(WorkerConfig::workerId).orElse(defaultWorkerId);
        boolean paused = overrides.flatMap(WorkerConfig::paused).orElse(defaults.paused());
        Duration executionTimeout = overrides.flatMap(WorkerConfig::executionTimeout)
                .or(defaults::executionTimeout).orElse(null);
        if (executionTimeout != null) {
            atLeastOneMillisecond(executionTimeout, own != null && own.executionTimeout().isPresent()
                    ? ownPrefix + "execution-timeout"
                    : "quarkus.conductor.worker.execution-timeout");
        }
        boolean leaseExtension = overrides.flatMap(WorkerConfig::leaseExtension).orElse(defaults.leaseExtension());
        return new WorkerSettings(task, enabled, concurrency, pollInterval, maxPollInterval, longPollTimeout,
                Math.min(longPolls, concurrency), Math.min(batchLimit, concurrency), blankToNull(domain), workerId,
                paused, executionTimeout, leaseExtension);
    }

    private static Duration override(Optional<WorkerConfig> overrides, Function<WorkerConfig, Optional<Duration>> getter,
            Duration fallback) {
        return overrides.flatMap(getter).orElse(fallback);
    }

    private static int overrideInt(Optional<WorkerConfig> overrides, Function<WorkerConfig, OptionalInt> getter,
            int fallback) {
        return overrides.map(getter).filter(OptionalInt::isPresent).map(OptionalInt::getAsInt).orElse(fallback);
    }

    private static String property(WorkerConfig own, Function<WorkerConfig, Optional<Duration>> getter, String ownPrefix,
            String name) {
        return own != null && getter.apply(own).isPresent() ? ownPrefix + name : "quarkus.conductor.worker." + name;
    }

    private void atLeastOne(int value, String property) {
        if (value < 1) {
            problems.add(property + " is " + value + ": it must be 1 or more");
        }
    }

    private void notNegative(Duration value, String property) {
        if (value.isNegative()) {
            problems.add(property + " is " + value + ": it must not be negative");
        }
    }

    // Mutiny's back-off and delays refuse zero
    private void atLeastOneMillisecond(Duration value, String property) {
        if (value.toMillis() < 1) {
            problems.add(property + " is " + value + ": it must be 1ms or more");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "quarkus-conductor-worker";
        }
    }
}

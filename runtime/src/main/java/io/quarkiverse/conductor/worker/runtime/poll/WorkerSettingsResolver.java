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

    public WorkerSettingsResolver(ConductorConfig config) {
        this.config = config;
        this.defaultWorkerId = config.worker().workerId().orElseGet(WorkerSettingsResolver::hostName);
    }

    /**
     * @throws ConfigurationException listing every invalid value, with its property
     */
    public List<WorkerSettings> resolve(List<WorkerMethod> methods) {
        List<String> problems = new ArrayList<>();
        List<WorkerSettings> settings = new ArrayList<>(methods.size());
        for (WorkerMethod method : methods) {
            settings.add(new Lookup(method, problems).settings());
        }
        validateRetry(problems);
        validateReadTimeout(settings, problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid Conductor worker configuration:\n - " + String.join("\n - ", problems));
        }
        return settings;
    }

    private void validateRetry(List<String> problems) {
        Sourced<Duration> initial = new Sourced<>(config.retry().initialBackoff(), "quarkus.conductor.retry.initial-backoff");
        Sourced<Duration> max = new Sourced<>(config.retry().maxBackoff(), "quarkus.conductor.retry.max-backoff");
        atLeastOneMillisecond(initial, problems);
        atLeastOneMillisecond(max, problems);
        if (max.value().compareTo(initial.value()) < 0) {
            problems.add(max.source() + " is " + max.value() + ", less than " + initial.source() + " (" + initial.value()
                    + "): the longest wait cannot be shorter than the first one");
        }
    }

    /** The read timeout bounds every request: it must outlast the longest long poll an enabled worker sends. */
    private void validateReadTimeout(List<WorkerSettings> settings, List<String> problems) {
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

    /** A value, and the property or annotation it came from: what an error message names. */
    private record Sourced<T>(T value, String source) {
    }

    /**
     * The settings of one worker. Every value follows one rule, {@link #pick}: the worker's own property, else its
     * annotation, else the property under {@code quarkus.conductor.worker}.
     */
    private final class Lookup {

        private final WorkerMethod method;
        private final WorkerConfig own;
        private final WorkerDefaultsConfig global = config.worker();
        private final List<String> problems;

        Lookup(WorkerMethod method, List<String> problems) {
            this.method = method;
            this.own = config.workers().get(method.getTaskName());
            this.problems = problems;
        }

        /**
         * @param name the property's name under {@code quarkus.conductor.worker}, and under the worker's own prefix
         * @param annotated the annotation's value, empty when the annotation leaves it unset
         * @param globalValue the value of {@code quarkus.conductor.worker.<name>}; {@code null} when unset and optional
         */
        <T> Sourced<T> pick(String name, Function<WorkerConfig, Optional<T>> ownValue, Optional<T> annotated,
                String annotationAttribute, T globalValue) {
            Optional<T> value = own == null ? Optional.empty() : ownValue.apply(own);
            if (value.isPresent()) {
                return new Sourced<>(value.get(), "quarkus.conductor.workers.\"" + method.getTaskName() + "\"." + name);
            }
            if (annotated.isPresent()) {
                return new Sourced<>(annotated.get(),
                        "@ConductorWorker(" + annotationAttribute + ") of " + method.getDescription());
            }
            return new Sourced<>(globalValue, "quarkus.conductor.worker." + name);
        }

        <T> Sourced<T> pick(String name, Function<WorkerConfig, Optional<T>> ownValue, T globalValue) {
            return pick(name, ownValue, Optional.empty(), null, globalValue);
        }

        WorkerSettings settings() {
            boolean enabled = pick("enabled", WorkerConfig::enabled, global.enabled()).value();
            Sourced<Integer> concurrency = pick("concurrency", worker -> boxed(worker.concurrency()),
                    method.getConcurrency() > 0 ? Optional.of(method.getConcurrency()) : Optional.empty(), "concurrency",
                    global.concurrency());
            atLeastOne(concurrency, problems);
            Sourced<Duration> pollInterval = pick("poll-interval", WorkerConfig::pollInterval,
                    method.getPollInterval().isEmpty() ? Optional.empty()
                            : Optional.of(DurationConverter.parseDuration(method.getPollInterval())),
                    "pollInterval", global.pollInterval());
            notNegative(pollInterval, problems);
            Sourced<Duration> maxPollInterval = pick("max-poll-interval", WorkerConfig::maxPollInterval,
                    global.maxPollInterval());
            notNegative(maxPollInterval, problems);
            Sourced<Duration> longPollTimeout = pick("long-poll-timeout", WorkerConfig::longPollTimeout,
                    global.longPollTimeout());
            notNegative(longPollTimeout, problems);
            if (longPollTimeout.value().compareTo(MAX_LONG_POLL) > 0) {
                problems.add(longPollTimeout.source() + " is " + longPollTimeout.value() + ", but Conductor servers hold a"
                        + " poll for at most " + MAX_LONG_POLL.toSeconds() + " seconds: set 5s or less");
            }
            Sourced<Integer> longPolls = pick("long-polls", worker -> boxed(worker.longPolls()), global.longPolls());
            atLeastOne(longPolls, problems);
            Sourced<Integer> batchLimit = pick("batch-limit", worker -> boxed(worker.batchLimit()),
                    global.batchLimit().orElse(concurrency.value()));
            atLeastOne(batchLimit, problems);
            String domain = pick("domain", WorkerConfig::domain,
                    method.getDomain().isEmpty() ? Optional.empty() : Optional.of(method.getDomain()), "domain",
                    global.domain().orElse(null)).value();
            String workerId = pick("worker-id", WorkerConfig::workerId, defaultWorkerId).value();
            boolean paused = pick("paused", WorkerConfig::paused, global.paused()).value();
            Sourced<Duration> executionTimeout = pick("execution-timeout", WorkerConfig::executionTimeout,
                    global.executionTimeout().orElse(null));
            if (executionTimeout.value() != null) {
                atLeastOneMillisecond(executionTimeout, problems);
            }
            boolean leaseExtension = pick("lease-extension", WorkerConfig::leaseExtension, global.leaseExtension()).value();
            int slots = concurrency.value();
            return new WorkerSettings(method.getTaskName(), enabled, slots, pollInterval.value(),
                    maxPollInterval.value(), longPollTimeout.value(), Math.min(longPolls.value(), slots),
                    Math.min(batchLimit.value(), slots), blankToNull(domain), workerId, paused,
                    executionTimeout.value(), leaseExtension);
        }
    }

    private static Optional<Integer> boxed(OptionalInt value) {
        return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
    }

    private static void atLeastOne(Sourced<Integer> setting, List<String> problems) {
        if (setting.value() < 1) {
            problems.add(setting.source() + " is " + setting.value() + ": it must be 1 or more");
        }
    }

    private static void notNegative(Sourced<Duration> setting, List<String> problems) {
        if (setting.value().isNegative()) {
            problems.add(setting.source() + " is " + setting.value() + ": it must not be negative");
        }
    }

    // Mutiny's back-off and delays refuse zero
    private static void atLeastOneMillisecond(Sourced<Duration> setting, List<String> problems) {
        if (setting.value().toMillis() < 1) {
            problems.add(setting.source() + " is " + setting.value() + ": it must be 1ms or more");
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

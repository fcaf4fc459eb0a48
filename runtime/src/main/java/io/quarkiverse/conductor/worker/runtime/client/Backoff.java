package io.quarkiverse.conductor.worker.runtime.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with jitter: {@code initial}, doubled after each further attempt, capped at {@code max}, each
 * delay randomly shortened by up to 20% so that many workers do not retry in step.
 */
public record Backoff(Duration initial, Duration max) {

    static final double JITTER = 0.2;

    /** The delay before attempt {@code attempt + 1}, after {@code attempt} (1 or more) attempts failed in a row. */
    public long delayMillis(int attempt) {
        long base = initial.toMillis();
        long cap = max.toMillis();
        long delay = attempt >= 31 || base <= 0 ? (base <= 0 ? 0 : cap) : Math.min(cap, base << (attempt - 1));
        if (delay == 0) {
            return 0;
        }
        return delay - (long) (delay * JITTER * ThreadLocalRandom.current().nextDouble());
    }
}

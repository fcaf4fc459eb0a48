package io.quarkiverse.conductor.worker.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));

    @RepeatedTest(20)
    void delayDoublesWithJitterUpToTheMaximum() {
        assertThat(backoff.delayMillis(1)).isBetween(160L, 200L);
        assertThat(backoff.delayMillis(2)).isBetween(320L, 400L);
        assertThat(backoff.delayMillis(3)).isBetween(640L, 800L);
        assertThat(backoff.delayMillis(10)).isBetween(8000L, 10_000L);
        assertThat(backoff.delayMillis(100)).isBetween(8000L, 10_000L);
    }

    @Test
    void zeroInitialDelayMeansNoDelay() {
        assertThat(new Backoff(Duration.ZERO, Duration.ofSeconds(1)).delayMillis(5)).isZero();
    }
}

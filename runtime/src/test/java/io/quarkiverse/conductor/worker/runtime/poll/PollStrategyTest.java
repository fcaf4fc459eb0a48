package io.quarkiverse.conductor.worker.runtime.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PollStrategyTest {

    private static WorkerSettings settings(int longPolls, Duration pollInterval) {
        return new WorkerSettings("task", true, 8, pollInterval, Duration.ofSeconds(1), Duration.ofSeconds(1), longPolls,
                8, null, "w", false);
    }

    private final PollStrategy strategy = new PollStrategy(settings(4, Duration.ZERO));

    @Test
    void activeWorkerKeepsSeveralLongPollsOpenWithinItsFreeSlots() {
        assertThat(strategy.isIdle()).isFalse();
        assertThat(strategy.longPollsWanted(8)).isEqualTo(4);
        assertThat(strategy.longPollsWanted(2)).isEqualTo(2);
        assertThat(strategy.longPollsWanted(0)).isZero();
        assertThat(strategy.longPollTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void idleWorkerKeepsOneLongPollWhoseTimeoutDoublesUpToFiveSeconds() {
        for (int i = 0; i < 4; i++) {
            strategy.longPollEmpty();
        }

        assertThat(strategy.isIdle()).isTrue();
        assertThat(strategy.longPollsWanted(8)).isEqualTo(1);
        assertThat(strategy.longPollTimeout()).isEqualTo(Duration.ofSeconds(2));
        strategy.longPollEmpty();
        assertThat(strategy.longPollTimeout()).isEqualTo(Duration.ofSeconds(4));
        strategy.longPollEmpty();
        assertThat(strategy.longPollTimeout()).isEqualTo(Duration.ofSeconds(5));
        strategy.longPollEmpty();
        assertThat(strategy.longPollTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void arrivingTasksMakeTheWorkerActiveAndDrainTheBacklogWithoutWaiting() {
        for (int i = 0; i < 6; i++) {
            strategy.longPollEmpty();
        }

        strategy.tasksArrived();

        assertThat(strategy.isIdle()).isFalse();
        assertThat(strategy.backlogLikely()).isTrue();
        assertThat(strategy.longPollTimeout()).isEqualTo(Duration.ofSeconds(1));
        strategy.backlogDrained();
        assertThat(strategy.backlogLikely()).isFalse();
        assertThat(strategy.longPollsWanted(8)).isEqualTo(4);
    }

    @Test
    void failedPollEndsTheBacklogDrain() {
        strategy.tasksArrived();

        strategy.pollFailed();

        assertThat(strategy.backlogLikely()).isFalse();
    }

    @Test
    void heldEmptyPollIsFollowedAtOnceByDefault() {
        strategy.longPollEmpty();

        assertThat(strategy.emptyPollDelayMillis(Duration.ofSeconds(1), Duration.ofMillis(1000))).isZero();
    }

    @Test
    void pollTheServerDidNotHoldIsFollowedAfterAPause() {
        strategy.longPollEmpty();

        assertThat(strategy.emptyPollDelayMillis(Duration.ofSeconds(1), Duration.ofMillis(5))).isBetween(80L, 100L);
    }

    @Test
    void configuredPollIntervalOnlyPausesAnIdleWorker() {
        PollStrategy spaced = new PollStrategy(settings(2, Duration.ofMillis(300)));

        spaced.longPollEmpty();

        assertThat(spaced.isIdle()).isFalse();
        assertThat(spaced.emptyPollDelayMillis(Duration.ofSeconds(1), Duration.ofSeconds(1))).isZero();
    }

    @Test
    void configuredPollIntervalDoublesAfterEachEmptyPollUpToItsMaximum() {
        PollStrategy spaced = new PollStrategy(settings(1, Duration.ofMillis(300)));

        spaced.longPollEmpty();
        long first = spaced.emptyPollDelayMillis(Duration.ofSeconds(1), Duration.ofSeconds(1));
        spaced.longPollEmpty();
        long second = spaced.emptyPollDelayMillis(Duration.ofSeconds(1), Duration.ofSeconds(1));
        for (int i = 0; i < 5; i++) {
            spaced.longPollEmpty();
        }
        long capped = spaced.emptyPollDelayMillis(Duration.ofSeconds(1), Duration.ofSeconds(1));

        // each delay is shortened by up to 20% of jitter
        assertThat(first).isBetween(240L, 300L);
        assertThat(second).isBetween(480L, 600L);
        assertThat(capped).isBetween(800L, 1000L);
    }
}

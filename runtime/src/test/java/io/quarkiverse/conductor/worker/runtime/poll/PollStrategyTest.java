package io.quarkiverse.conductor.worker.runtime.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PollStrategyTest {

    static WorkerSettings settings(int concurrency, int longPolls, Duration pollInterval) {
        return new WorkerSettings("task", true, concurrency, pollInterval, Duration.ofSeconds(1), Duration.ofSeconds(1),
                longPolls, concurrency, null, "w", false, null, true);
    }

    private final PollStrategy strategy = new PollStrategy(settings(8, 4, Duration.ZERO));

    @Test
    void newWorkerWaitsWithSeveralLongPollsWithinItsFreeSlots() {
        assertThat(strategy.isIdle()).isFalse();
        assertThat(strategy.isFlowing()).isFalse();
        assertThat(strategy.longPollsWanted(8)).isEqualTo(4);
        assertThat(strategy.longPollsWanted(2)).isEqualTo(2);
        assertThat(strategy.longPollsWanted(0)).isZero();
        assertThat(strategy.shortPollSize(8, 0)).isZero();
        assertThat(strategy.longPollTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void longPollsOpenedTogetherAreSpacedSoThatTheServersLooksInterleave() {
        assertThat(strategy.longPollDelays(0, 8)).containsExactly(0, 25, 50, 75);
        // two open already: the missing ones follow them, apart
        assertThat(strategy.longPollDelays(2, 8)).containsExactly(25, 50);
        assertThat(strategy.longPollDelays(4, 8)).isEmpty();
        // no more than the free slots allow
        assertThat(strategy.longPollDelays(0, 2)).containsExactly(0, 25);
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
    void taskFoundByAHeldPollKeepsTheWorkerWaitingWithLongPolls() {
        strategy.longPollBrought(40);

        assertThat(strategy.isFlowing()).isFalse();
        assertThat(strategy.shortPollSize(7, 1)).isZero();
        assertThat(strategy.longPollsWanted(7)).isEqualTo(4);
    }

    @Test
    void taskThatWaitedInTheQueueStartsABacklogDrainWithShortPolls() {
        strategy.longPollBrought(PollStrategy.BACKLOG_WAIT_MILLIS + 1);

        assertThat(strategy.isFlowing()).isTrue();
        assertThat(strategy.longPollsWanted(8)).isZero();
        assertThat(strategy.shortPollSize(7, 1)).isEqualTo(7);
    }

    @Test
    void flowingWorkerAsksOnceHalfItsSlotsAreFreeOrNothingRuns() {
        strategy.longPollBrought(1000);

        assertThat(strategy.shortPollSize(3, 5)).isZero();
        assertThat(strategy.shortPollSize(4, 4)).isEqualTo(4);
        assertThat(strategy.shortPollSize(2, 0)).isEqualTo(2);
        assertThat(strategy.shortPollSize(0, 8)).isZero();
    }

    @Test
    void shortPollThatBringsLessThanAskedEndsTheBacklogDrain() {
        strategy.longPollBrought(1000);
        strategy.shortPollBrought(4, 4);
        assertThat(strategy.isFlowing()).isTrue();

        strategy.shortPollBrought(4, 1);

        assertThat(strategy.isFlowing()).isFalse();
        assertThat(strategy.longPollsWanted(8)).isEqualTo(4);
    }

    @Test
    void taskForAnIdleWorkerWakesItUp() {
        for (int i = 0; i < 6; i++) {
            strategy.longPollEmpty();
        }

        strategy.longPollBrought(10);

        assertThat(strategy.isIdle()).isFalse();
        assertThat(strategy.longPollsWanted(8)).isEqualTo(4);
        assertThat(strategy.longPollTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void failedPollEndsTheBacklogDrain() {
        strategy.longPollBrought(1000);

        strategy.pollFailed();

        assertThat(strategy.isFlowing()).isFalse();
        assertThat(strategy.isIdle()).isFalse();
    }

    @Test
    void singleSlotWorkerRefillsItsOnlySlot() {
        PollStrategy single = new PollStrategy(settings(1, 1, Duration.ZERO));
        single.longPollBrought(1000);

        assertThat(single.shortPollSize(1, 0)).isEqualTo(1);
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
        PollStrategy spaced = new PollStrategy(settings(8, 2, Duration.ofMillis(300)));

        spaced.longPollEmpty();

        assertThat(spaced.isIdle()).isFalse();
        assertThat(spaced.emptyPollDelayMillis(Duration.ofSeconds(1), Duration.ofSeconds(1))).isZero();
    }

    @Test
    void configuredPollIntervalDoublesAfterEachEmptyPollUpToItsMaximum() {
        PollStrategy spaced = new PollStrategy(settings(8, 1, Duration.ofMillis(300)));

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

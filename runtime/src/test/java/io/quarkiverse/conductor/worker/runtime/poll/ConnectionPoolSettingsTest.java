package io.quarkiverse.conductor.worker.runtime.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

class ConnectionPoolSettingsTest {

    private static final Duration THIRTY_SECONDS = Duration.ofSeconds(30);

    private static WorkerSettings worker(String task, boolean enabled, int concurrency, int longPolls) {
        return new WorkerSettings(task, enabled, concurrency, Duration.ofMillis(100), Duration.ofSeconds(5),
                Duration.ofSeconds(1), longPolls, concurrency, null, "worker-1", false, null, true);
    }

    @Test
    void unsetSizeIsAPollAndAnUpdatePerSlotOfEveryEnabledWorker() {
        List<WorkerSettings> workers = List.of(worker("orders", true, 16, 4), worker("payments", true, 10, 4),
                worker("disabled", false, 100, 4));

        assertThat(ConnectionPoolSettings.resolve(OptionalInt.empty(), THIRTY_SECONDS, workers).size())
                .isEqualTo(17 + 11);
    }

    @Test
    void unsetSizeLeavesRoomForTheApplicationsOwnCalls() {
        assertThat(ConnectionPoolSettings.resolve(OptionalInt.empty(), THIRTY_SECONDS,
                List.of(worker("small", true, 2, 4))).size()).isEqualTo(ConnectionPoolSettings.MIN_COMPUTED_SIZE);
        assertThat(ConnectionPoolSettings.resolve(OptionalInt.empty(), THIRTY_SECONDS, List.of()).size())
                .isEqualTo(ConnectionPoolSettings.MIN_COMPUTED_SIZE);
    }

    @Test
    void configuredSizeWins() {
        assertThat(ConnectionPoolSettings.resolve(OptionalInt.of(100), THIRTY_SECONDS,
                List.of(worker("orders", true, 8, 4))).size()).isEqualTo(100);
    }

    @Test
    void sizeJustAboveTheLongPollsIsEnough() {
        // 4 + 4 long polls open at most: a ninth connection is left for results
        assertThat(ConnectionPoolSettings.resolve(OptionalInt.of(9), THIRTY_SECONDS,
                List.of(worker("orders", true, 8, 4), worker("payments", true, 8, 4))).size()).isEqualTo(9);
    }

    @Test
    void sizeTheLongPollsWouldFillIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> ConnectionPoolSettings.resolve(OptionalInt.of(8), THIRTY_SECONDS,
                List.of(worker("orders", true, 8, 4), worker("payments", true, 8, 4), worker("off", false, 8, 4))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("quarkus.conductor.connection-pool-size is 8, too small for the long polls the"
                        + " workers keep open: up to 8 at once (orders: 4, payments: 4)")
                .hasMessageContaining("Set it to at least 9");
    }

    @Test
    void aWorkerKeepsNoMoreLongPollsOpenThanItHasSlots() {
        // long-polls 4, but one slot: one long poll at most, so 2 connections are enough
        assertThat(ConnectionPoolSettings.resolve(OptionalInt.of(2), THIRTY_SECONDS,
                List.of(worker("single", true, 1, 4))).size()).isEqualTo(2);
    }

    @Test
    void sizeBelowOneIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> ConnectionPoolSettings.resolve(OptionalInt.of(0), THIRTY_SECONDS, List.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("quarkus.conductor.connection-pool-size is 0: it must be at least 1");
    }

    @Test
    void keepAliveUnderASecondIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> ConnectionPoolSettings.resolve(OptionalInt.empty(), Duration.ofMillis(999), List.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("quarkus.conductor.keep-alive-timeout is PT0.999S: it must be at least 1s");
    }

    @Test
    void keepAliveIsRoundedUpToWholeSeconds() {
        assertThat(ConnectionPoolSettings.resolve(OptionalInt.empty(), Duration.ofMillis(1500), List.of())
                .keepAliveTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(ConnectionPoolSettings.resolve(OptionalInt.empty(), Duration.ofSeconds(60), List.of())
                .keepAliveTimeout()).isEqualTo(Duration.ofSeconds(60));
    }
}

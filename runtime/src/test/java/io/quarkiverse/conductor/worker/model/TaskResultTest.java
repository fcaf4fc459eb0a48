package io.quarkiverse.conductor.worker.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The callback delay of an {@code IN_PROGRESS} result, which the server counts in whole seconds: one rule, rounding up,
 * whether the method returns {@link TaskResult#inProgress} or calls {@code TaskContext.callbackAfter} (which ends in
 * {@link TaskResult#callbackAfter}).
 */
class TaskResultTest {

    @Test
    void aFractionOfASecondIsRoundedUp() {
        assertThat(inProgressAfter(Duration.ofMillis(1500))).isEqualTo(2);
        assertThat(inProgressAfter(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(inProgressAfter(Duration.ofNanos(1))).isEqualTo(1);
    }

    @Test
    void wholeSecondsAreKept() {
        assertThat(inProgressAfter(Duration.ofSeconds(60))).isEqualTo(60);
        assertThat(inProgressAfter(Duration.ZERO)).isZero();
    }

    @Test
    void aNegativeDelayIsRefused() {
        assertThatThrownBy(() -> TaskResult.inProgress(task(), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
    }

    private static long inProgressAfter(Duration delay) {
        TaskResult result = TaskResult.inProgress(task(), delay);
        assertThat(result.getStatus()).isEqualTo(TaskResult.Status.IN_PROGRESS);
        return result.getCallbackAfterSeconds();
    }

    private static Task task() {
        Task task = new Task();
        task.setTaskId("t-1");
        task.setWorkflowInstanceId("w-1");
        return task;
    }
}

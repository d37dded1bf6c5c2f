package io.kirincontract.mock.tasks.internal;

import static io.kirincontract.mock.tasks.TaskStatus.COMPLETED;
import static io.kirincontract.mock.tasks.TaskStatus.FAILED;
import static io.kirincontract.mock.tasks.TaskStatus.PROCESSING;
import static io.kirincontract.mock.tasks.TaskStatus.QUEUED;
import static io.kirincontract.mock.tasks.internal.TaskTimeline.NEVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kirincontract.mock.tasks.TaskStateException;
import org.junit.jupiter.api.Test;

/** A task's status at any moment comes from its timeline; control operations only ever change the future. */
class TaskTimelineTest {

  private static final long T0 = 1_000_000;
  private final TaskTimeline plain = TaskTimeline.of(T0, 1_000, 3_000);

  @Test
  void aPlainTaskIsQueuedThenProcessingThenCompleted() {
    assertThat(plain.statusAt(T0)).isEqualTo(QUEUED);
    assertThat(plain.statusAt(T0 + 999)).isEqualTo(QUEUED);
    assertThat(plain.statusAt(T0 + 1_000)).isEqualTo(PROCESSING);
    assertThat(plain.statusAt(T0 + 3_999)).isEqualTo(PROCESSING);
    assertThat(plain.statusAt(T0 + 4_000)).isEqualTo(COMPLETED);
    assertThat(plain.since(PROCESSING)).isEqualTo(T0 + 1_000);
    assertThat(plain.since(COMPLETED)).isEqualTo(T0 + 4_000);
    assertThat(plain.path()).containsExactly(QUEUED, PROCESSING, COMPLETED);
    assertThat(plain.nextChangeAfter(T0)).isEqualTo(T0 + 1_000);
    assertThat(plain.nextChangeAfter(T0 + 1_000)).isEqualTo(T0 + 4_000);
    assertThat(plain.nextChangeAfter(T0 + 4_000)).isEqualTo(NEVER);
  }

  @Test
  void aFailureAtQueuedSkipsProcessing() {
    TaskTimeline failing = plain.failingAt(QUEUED, "002015095", T0);
    assertThat(failing.statusAt(T0 + 999)).isEqualTo(QUEUED);
    assertThat(failing.statusAt(T0 + 1_000)).isEqualTo(FAILED);
    assertThat(failing.since(FAILED)).isEqualTo(T0 + 1_000);
    assertThat(failing.path()).containsExactly(QUEUED, FAILED);
    assertThat(failing.nextChangeAfter(T0 + 1_000)).isEqualTo(NEVER);
  }

  @Test
  void aFailureAtProcessingReplacesCompletion() {
    TaskTimeline failing = plain.failingAt(PROCESSING, "002015095", T0 + 2_000);
    assertThat(failing.statusAt(T0 + 2_000)).isEqualTo(PROCESSING);
    assertThat(failing.statusAt(T0 + 4_000)).isEqualTo(FAILED);
    assertThat(failing.path()).containsExactly(QUEUED, PROCESSING, FAILED);
  }

  @Test
  void aHeldTaskStaysUntilReleasedAndThenMovesOnAtOnce() {
    TaskTimeline held = plain.heldIn(QUEUED, T0);
    assertThat(held.statusAt(T0 + 1_000_000)).isEqualTo(QUEUED);
    assertThat(held.nextChangeAfter(T0 + 1_000_000)).isEqualTo(NEVER);
    TaskTimeline released = held.releasedAt(T0 + 50_000);
    assertThat(released.statusAt(T0 + 50_000)).isEqualTo(PROCESSING);
    assertThat(released.statusAt(T0 + 53_000)).isEqualTo(COMPLETED);
    assertThat(released.hold()).isNull();

    TaskTimeline heldProcessing = plain.heldIn(PROCESSING, T0);
    assertThat(heldProcessing.statusAt(T0 + 1_000)).isEqualTo(PROCESSING);
    assertThat(heldProcessing.statusAt(T0 + 1_000_000)).isEqualTo(PROCESSING);
    TaskTimeline done = heldProcessing.releasedAt(T0 + 20_000);
    assertThat(done.statusAt(T0 + 20_000)).isEqualTo(COMPLETED);
    assertThat(done.since(PROCESSING)).isEqualTo(T0 + 1_000);
  }

  @Test
  void aReleaseBeforeTheHeldStatusIsReachedKeepsTheOriginalTimes() {
    TaskTimeline released = plain.heldIn(PROCESSING, T0).releasedAt(T0 + 500);
    assertThat(released.statusAt(T0 + 1_000)).isEqualTo(PROCESSING);
    assertThat(released.statusAt(T0 + 4_000)).isEqualTo(COMPLETED);
  }

  @Test
  void aGivenTimeMovesOnlyTheFuture() {
    TaskTimeline longer = plain.taking(20_000, T0);
    assertThat(longer.statusAt(T0 + 3_999)).isEqualTo(QUEUED);
    assertThat(longer.statusAt(T0 + 4_000)).as("a fifth queued").isEqualTo(PROCESSING);
    assertThat(longer.statusAt(T0 + 20_000)).isEqualTo(COMPLETED);

    TaskTimeline shorterWhileProcessing = plain.taking(1_500, T0 + 2_000);
    assertThat(shorterWhileProcessing.since(PROCESSING)).as("already happened").isEqualTo(T0 + 1_000);
    assertThat(shorterWhileProcessing.statusAt(T0 + 2_000)).as("the end, now in the past, is now").isEqualTo(COMPLETED);
  }

  @Test
  void nothingChangesATaskThatHasFinishedOrAStageItHasLeft() {
    assertThatThrownBy(() -> plain.failingAt(PROCESSING, "x", T0 + 4_000)).isInstanceOf(TaskStateException.class);
    assertThatThrownBy(() -> plain.failingAt(QUEUED, "x", T0 + 1_000))
        .isInstanceOf(TaskStateException.class)
        .hasMessageContaining("already processing");
    assertThatThrownBy(() -> plain.heldIn(QUEUED, T0 + 1_000)).isInstanceOf(TaskStateException.class);
    assertThatThrownBy(() -> plain.heldIn(PROCESSING, T0 + 4_000)).isInstanceOf(TaskStateException.class);
    assertThatThrownBy(() -> plain.releasedAt(T0)).isInstanceOf(TaskStateException.class).hasMessageContaining("not held");
    assertThatThrownBy(() -> plain.taking(10_000, T0 + 4_000)).isInstanceOf(TaskStateException.class);
    assertThatThrownBy(() -> plain.failingAt(QUEUED, "x", T0).heldIn(PROCESSING, T0))
        .isInstanceOf(TaskStateException.class)
        .hasMessageContaining("never reaches processing");
  }
}

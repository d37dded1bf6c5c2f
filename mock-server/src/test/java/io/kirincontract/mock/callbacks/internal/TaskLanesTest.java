package io.kirincontract.mock.callbacks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TaskLanesTest {

  private final TaskLanes lanes = new TaskLanes();

  private static PendingCallback callback(String tenant, String taskId, String status) {
    return new PendingCallback(tenant, taskId, status, URI.create("http://127.0.0.1:1/cb"), new byte[0]);
  }

  @Test
  void theFirstCallbackOfATaskStartsAndLaterOnesWait() {
    assertThat(lanes.offer(callback("a", "t1", "processing"))).isTrue();
    assertThat(lanes.offer(callback("a", "t1", "completed"))).isFalse();
  }

  @Test
  void finishingTheHeadHandsOverToTheNextInEnqueueOrder() {
    PendingCallback processing = callback("a", "t1", "processing");
    PendingCallback completed = callback("a", "t1", "completed");
    lanes.offer(processing);
    lanes.offer(completed);

    assertThat(lanes.advance(processing)).isSameAs(completed);
    assertThat(lanes.advance(completed)).isNull();
    assertThat(lanes.activeTasks()).isZero();
  }

  @Test
  void tasksAndTenantsHaveIndependentLanes() {
    assertThat(lanes.offer(callback("a", "t1", "processing"))).isTrue();
    assertThat(lanes.offer(callback("a", "t2", "processing"))).isTrue();
    assertThat(lanes.offer(callback("b", "t1", "processing"))).isTrue();
    assertThat(lanes.activeTasks()).isEqualTo(3);
  }

  @Test
  void aCallbackThatIsNotTheHeadDoesNotAdvanceTheLane() {
    PendingCallback processing = callback("a", "t1", "processing");
    PendingCallback completed = callback("a", "t1", "completed");
    lanes.offer(processing);
    lanes.offer(completed);

    assertThat(lanes.advance(completed)).isNull();
    assertThat(lanes.advance(processing)).isSameAs(completed);
  }

  @Test
  void removeAllEmptiesEveryLane() {
    lanes.offer(callback("a", "t1", "processing"));
    lanes.offer(callback("a", "t1", "completed"));
    lanes.offer(callback("a", "t2", "processing"));

    assertThat(lanes.removeAll()).hasSize(3);
    assertThat(lanes.activeTasks()).isZero();
    assertThat(lanes.offer(callback("a", "t1", "failed"))).isTrue();
  }
}

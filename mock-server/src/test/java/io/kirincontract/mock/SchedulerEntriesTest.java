package io.kirincontract.mock;

import static io.kirincontract.mock.support.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.lifecycle.ManualClock;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.tasks.internal.TaskRecord;
import io.kirincontract.mock.tasks.internal.TaskTimeline;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle looks at a task when it has a status change to announce: at each change when the task has a callback
 * URL (each status is a callback), and only at its end without one (the end frees the key's slot and makes the task
 * evictable; the statuses between have nothing to announce).
 */
class SchedulerEntriesTest {

  private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void aTaskWithoutACallbackUrlIsLookedAtOnlyWhenItEnds() {
    try (MockRuntime runtime = MockRuntime.create(new MockConfig().manualClock(START))) {
      runtime.lifecycle.start();
      runtime.lifecycle.submit("k", runtime.validator.validate(Bodies.v3t2v()), null);
      TaskTimeline timeline = onlyTask(runtime).timeline();
      assertThat(timeline.queueEnd()).isLessThan(timeline.runEnd());
      assertThat(runtime.lifecycle.nextTransitionDue()).isEqualTo(timeline.runEnd());

      ((ManualClock) runtime.clock).advance(Duration.ofMillis(timeline.runEnd() - START.toEpochMilli()));
      assertThat(onlyTask(runtime).finished()).isTrue();
      assertThat(runtime.lifecycle.pendingTransitions()).isZero();
    }
  }

  @Test
  void aTaskWithACallbackUrlIsLookedAtAtEachStatusChange() {
    try (MockRuntime runtime = MockRuntime.create(new MockConfig().manualClock(START))) {
      runtime.lifecycle.start();
      runtime.lifecycle.submit(
          "k",
          runtime.validator.validate(with(Bodies.v3t2v(), b -> b.put("callback_url", "http://127.0.0.1:9/cb"))),
          null);
      TaskTimeline timeline = onlyTask(runtime).timeline();
      assertThat(runtime.lifecycle.nextTransitionDue()).isEqualTo(timeline.queueEnd());

      ((ManualClock) runtime.clock).advance(Duration.ofMillis(timeline.queueEnd() - START.toEpochMilli()));
      assertThat(onlyTask(runtime).finished()).isFalse();
      assertThat(runtime.lifecycle.nextTransitionDue()).isEqualTo(timeline.runEnd());
    }
  }

  private static TaskRecord onlyTask(MockRuntime runtime) {
    assertThat(runtime.lifecycle.store().all()).hasSize(1);
    return runtime.lifecycle.store().all().iterator().next();
  }
}

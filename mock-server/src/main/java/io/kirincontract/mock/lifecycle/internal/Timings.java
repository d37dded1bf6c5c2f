package io.kirincontract.mock.lifecycle.internal;

import io.kirincontract.mock.tasks.TaskMetadata;
import io.kirincontract.mock.tasks.internal.TaskTimeline;
import java.time.Duration;

/**
 * How long a task takes by default, in mock time (the time scale speeds it up): 1 s {@code queued}, then {@code
 * processing} for 1.5 s plus 0.4 s per second of output, times 1.5 in {@code pro} mode. A 5-second {@code std}
 * video takes 4.5 s end to end, a 10-second {@code pro} one 9.25 s. A scenario {@code duration} replaces this: a
 * fifth of it queued, the rest processing.
 */
final class Timings {

  public static final long QUEUE_MILLIS = 1_000;
  public static final long RUN_BASE_MILLIS = 1_500;
  public static final long RUN_MILLIS_PER_SECOND = 400;
  public static final double PRO_FACTOR = 1.5;

  private Timings() {}

  /** The default processing time of a task that resolved to {@code metadata}. */
  public static long runMillis(TaskMetadata metadata) {
    double millis = RUN_BASE_MILLIS + RUN_MILLIS_PER_SECOND * metadata.duration();
    return Math.round("pro".equals(metadata.mode()) ? millis * PRO_FACTOR : millis);
  }

  /** The default time from creation to completion. */
  public static Duration total(TaskMetadata metadata) {
    return Duration.ofMillis(QUEUE_MILLIS + runMillis(metadata));
  }

  /** The default timeline of a task created at {@code createdAt}. */
  public static TaskTimeline plan(long createdAt, TaskMetadata metadata) {
    return TaskTimeline.of(createdAt, QUEUE_MILLIS, runMillis(metadata));
  }

  /** A timeline taking {@code total} from creation to the end: a fifth queued, the rest processing. */
  public static TaskTimeline plan(long createdAt, Duration total) {
    long millis = Math.max(2, total.toMillis());
    long queue = TaskTimeline.queueShare(millis);
    return TaskTimeline.of(createdAt, queue, millis - queue);
  }
}

package io.kirincontract.mock.tasks.internal;

import io.kirincontract.mock.tasks.TaskStateException;
import io.kirincontract.mock.tasks.TaskStatus;

/**
 * When a task changes status, and how it ends: the one place that says what status a task has at a given time. A
 * task is {@code queued} from {@code createdAt} until {@code queueEnd}, then {@code processing} until {@code
 * runEnd}, then {@code completed}, or {@code failed} when it has a {@code failureCode}. With {@code failAtQueue} it
 * goes from {@code queued} straight to {@code failed} at {@code queueEnd}. A held task has {@link #NEVER} for the
 * end of the status it is held in. Immutable; control operations make a new timeline and only ever move times that
 * are still in the future, so a status once reached is never taken back.
 *
 * @param createdAt epoch milliseconds
 * @param queueEnd when processing starts (or the task fails, with {@code failAtQueue}); {@link #NEVER} while held
 *     in {@code queued}
 * @param runEnd when the task completes or fails; {@link #NEVER} while held
 * @param plannedRunMillis how long processing takes once it starts (kept while held in {@code queued})
 * @param failureCode the generation-failure code the task ends with, or {@code null} to complete
 * @param failAtQueue whether the failure happens at the end of {@code queued} instead of {@code processing}
 * @param hold the status the task is held in ({@code QUEUED} or {@code PROCESSING}), or {@code null}
 */
public record TaskTimeline(
    long createdAt,
    long queueEnd,
    long runEnd,
    long plannedRunMillis,
    String failureCode,
    boolean failAtQueue,
    TaskStatus hold) {

  /** A time that never comes. */
  public static final long NEVER = Long.MAX_VALUE;

  /** A timeline that takes {@code queueMillis} queued then {@code runMillis} processing, and completes. */
  public static TaskTimeline of(long createdAt, long queueMillis, long runMillis) {
    long queueEnd = createdAt + Math.max(1, queueMillis);
    return new TaskTimeline(createdAt, queueEnd, queueEnd + Math.max(1, runMillis), Math.max(1, runMillis), null,
        false, null);
  }

  /** The status at {@code millis}. */
  public TaskStatus statusAt(long millis) {
    if (millis < queueEnd) {
      return TaskStatus.QUEUED;
    }
    if (failAtQueue) {
      return TaskStatus.FAILED;
    }
    if (millis < runEnd) {
      return TaskStatus.PROCESSING;
    }
    return failureCode == null ? TaskStatus.COMPLETED : TaskStatus.FAILED;
  }

  /** When the task entered {@code status} (its {@code updated_at} in that status). */
  public long since(TaskStatus status) {
    return switch (status) {
      case QUEUED -> createdAt;
      case PROCESSING -> queueEnd;
      case COMPLETED -> runEnd;
      case FAILED -> failAtQueue ? queueEnd : runEnd;
    };
  }

  /** The next status change after {@code millis}, or {@link #NEVER} (finished, or held). */
  public long nextChangeAfter(long millis) {
    if (millis < queueEnd) {
      return queueEnd;
    }
    if (failAtQueue || millis >= runEnd) {
      return NEVER;
    }
    return runEnd;
  }

  /** When the task reaches its last status, or {@link #NEVER} while it is held. */
  public long endsAt() {
    return failAtQueue ? queueEnd : runEnd;
  }

  /** The statuses this task goes through, in order: queued, processing unless it fails at queue, the last one. */
  public TaskStatus[] path() {
    TaskStatus last = failureCode == null ? TaskStatus.COMPLETED : TaskStatus.FAILED;
    return failAtQueue
        ? new TaskStatus[] {TaskStatus.QUEUED, TaskStatus.FAILED}
        : new TaskStatus[] {TaskStatus.QUEUED, TaskStatus.PROCESSING, last};
  }

  /** The timeline held in {@code status} from {@code now}: {@code QUEUED} or {@code PROCESSING}. */
  public TaskTimeline heldIn(TaskStatus status, long now) {
    TaskStatus current = statusAt(now);
    if (status == TaskStatus.QUEUED) {
      requireStatus(now, "hold a task in queued", TaskStatus.QUEUED);
      return new TaskTimeline(createdAt, NEVER, NEVER, plannedRunMillis, failureCode, failAtQueue, status);
    }
    if (status != TaskStatus.PROCESSING) {
      throw new IllegalArgumentException("a task can be held in queued or processing, not " + status.wireName());
    }
    requireStatus(now, "hold a task in processing", TaskStatus.QUEUED, TaskStatus.PROCESSING);
    if (failAtQueue) {
      throw new TaskStateException("the task fails at the end of queued and never reaches processing");
    }
    long start = current == TaskStatus.QUEUED && hold == TaskStatus.QUEUED ? now : queueEnd;
    return new TaskTimeline(createdAt, start, NEVER, plannedRunMillis, failureCode, false, status);
  }

  /** The timeline released at {@code now}: the held status ends at once. */
  public TaskTimeline releasedAt(long now) {
    if (hold == null) {
      throw new TaskStateException("the task is not held (it is " + statusAt(now).wireName() + ")");
    }
    if (hold == TaskStatus.QUEUED || queueEnd == NEVER) {
      return new TaskTimeline(createdAt, now, now + plannedRunMillis, plannedRunMillis, failureCode, failAtQueue,
          null);
    }
    long end = now < queueEnd ? queueEnd + plannedRunMillis : now;
    return new TaskTimeline(createdAt, queueEnd, end, end - queueEnd, failureCode, failAtQueue, null);
  }

  /**
   * The timeline ending {@code failed} with {@code code} at the end of {@code stage} ({@code QUEUED} or {@code
   * PROCESSING}).
   */
  public TaskTimeline failingAt(TaskStatus stage, String code, long now) {
    if (stage == TaskStatus.QUEUED) {
      requireStatus(now, "fail a task at queued", TaskStatus.QUEUED);
      TaskStatus keptHold = hold == TaskStatus.QUEUED ? hold : null;
      long end = keptHold == null ? queueEnd : NEVER;
      return new TaskTimeline(createdAt, end, end, plannedRunMillis, code, true, keptHold);
    }
    if (stage != TaskStatus.PROCESSING) {
      throw new IllegalArgumentException("a task fails at queued or processing, not " + stage.wireName());
    }
    requireStatus(now, "fail a task at processing", TaskStatus.QUEUED, TaskStatus.PROCESSING);
    if (failAtQueue) {
      throw new TaskStateException("the task already fails at the end of queued");
    }
    return new TaskTimeline(createdAt, queueEnd, runEnd, plannedRunMillis, code, false, hold);
  }

  /**
   * The timeline taking {@code totalMillis} from creation to the end, split as {@link #queueShare}: times already
   * passed stay as they were, times that would now lie in the past become {@code now}. A held task stays held.
   */
  public TaskTimeline taking(long totalMillis, long now) {
    requireStatus(now, "change the time a task takes", TaskStatus.QUEUED, TaskStatus.PROCESSING);
    long queueMillis = queueShare(totalMillis);
    long runMillis = Math.max(1, totalMillis - queueMillis);
    long newQueueEnd = queueEnd;
    if (statusAt(now) == TaskStatus.QUEUED && hold != TaskStatus.QUEUED) {
      newQueueEnd = Math.max(now, createdAt + queueMillis);
    }
    long newRunEnd = runEnd;
    long planned = runMillis;
    if (newQueueEnd != NEVER && hold == null) {
      newRunEnd = Math.max(Math.max(now, newQueueEnd), createdAt + queueMillis + runMillis);
      planned = newRunEnd - newQueueEnd;
    }
    return new TaskTimeline(createdAt, newQueueEnd, newRunEnd, planned, failureCode, failAtQueue, hold);
  }

  /** The part of a task's total time spent queued: a fifth, at least 1 ms. */
  public static long queueShare(long totalMillis) {
    return Math.max(1, totalMillis / 5);
  }

  private void requireStatus(long now, String action, TaskStatus... allowed) {
    TaskStatus current = statusAt(now);
    for (TaskStatus status : allowed) {
      if (status == current) {
        return;
      }
    }
    throw new TaskStateException("cannot " + action + " that is already " + current.wireName());
  }
}

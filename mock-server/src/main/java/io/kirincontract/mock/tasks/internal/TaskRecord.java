package io.kirincontract.mock.tasks.internal;

import io.kirincontract.mock.tasks.TaskMetadata;
import io.kirincontract.mock.tasks.TaskStatus;
import java.util.Objects;

/**
 * A task as the store keeps it, made to be small: a million finished tasks must fit in a few hundred megabytes. No
 * request JSON and no rendered Task are kept; the id is two longs in the record (a {@link TaskId} is made when asked
 * for), so that the store's index holds the record alone, with no key object, and its tenant's line ({@link
 * TaskLine}) holds it in an array slot, with no node; tenant, model, callback URL and metadata are shared instances
 * (see {@link Interner}); the status is not stored but read from the {@link TaskTimeline} at a given time; output,
 * cost and error are derived when the Task is shown. About 100 bytes.
 *
 * <p>The mutable part (timeline, last announced status, removed flag) is guarded by the record's own monitor;
 * callers that combine several reads and writes synchronize on the record.
 */
public final class TaskRecord {

  /** A time that never comes. */
  public static final long NEVER = TaskTimeline.NEVER;

  private static final int WATERMARKED = 1;
  private static final int FAIL_AT_QUEUE = 1 << 1;
  private static final int REMOVED = 1 << 2;
  private static final int HOLD_QUEUED = 1 << 3;
  private static final int HOLD_PROCESSING = 1 << 4;
  /** The statuses by ordinal, as {@code announced} stores them (read once: {@code values()} copies the array). */
  private static final TaskStatus[] STATUSES = TaskStatus.values();

  /** The id's bits ({@link TaskId#high()}, {@link TaskId#low()}); final, so a record read without a lock shows them. */
  private final long idHigh;
  private final long idLow;
  private final String tenant;
  private final String model;
  private final String externalTaskId;
  private final String callbackUrl;
  private final TaskMetadata metadata;
  private long queueEnd;
  private long runEnd;
  private int plannedRunMillis;
  private String failureCode;
  private byte flags;
  private byte announced;

  /**
   * A new task, announced as {@code queued}.
   *
   * @param tenant the API key that created it (tasks are private to it)
   * @param externalTaskId the caller's own id, or {@code null}
   * @param callbackUrl where status changes are POSTed, or {@code null}
   * @param watermarked whether a watermarked result is made beside the plain one
   */
  public TaskRecord(
      TaskId id,
      String tenant,
      String model,
      String externalTaskId,
      String callbackUrl,
      TaskMetadata metadata,
      boolean watermarked,
      TaskTimeline timeline) {
    this.idHigh = id.high();
    this.idLow = id.low();
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.model = Objects.requireNonNull(model, "model");
    this.externalTaskId = externalTaskId;
    this.callbackUrl = callbackUrl;
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    if (timeline.createdAt() != id.millis()) {
      throw new IllegalArgumentException("the timeline must start when the id says the task was created");
    }
    this.flags = (byte) (watermarked ? WATERMARKED : 0);
    this.announced = (byte) TaskStatus.QUEUED.ordinal();
    timeline(timeline);
  }

  /** The id (a new instance at each call; compare ids with {@code equals}). */
  public TaskId id() {
    return TaskId.ofBits(idHigh, idLow);
  }

  /** Whether the record's id has these bits. */
  boolean hasId(long high, long low) {
    return idHigh == high && idLow == low;
  }

  /** Whether the two records have the same id. */
  boolean sameId(TaskRecord other) {
    return other.hasId(idHigh, idLow);
  }

  /** The {@link TaskId#hashCode()} of the record's id. */
  int idHash() {
    return TaskId.hash(idHigh, idLow);
  }

  public String tenant() {
    return tenant;
  }

  public String model() {
    return model;
  }

  /** The caller's own id, or {@code null}. */
  public String externalTaskId() {
    return externalTaskId;
  }

  /** The callback URL, or {@code null}. */
  public String callbackUrl() {
    return callbackUrl;
  }

  public TaskMetadata metadata() {
    return metadata;
  }

  public boolean watermarked() {
    return (flags & WATERMARKED) != 0;
  }

  /** Creation time, epoch milliseconds (from the id). */
  public long createdAt() {
    return idHigh >>> 16;
  }

  /** The current timeline. */
  public synchronized TaskTimeline timeline() {
    TaskStatus hold =
        (flags & HOLD_QUEUED) != 0
            ? TaskStatus.QUEUED
            : (flags & HOLD_PROCESSING) != 0 ? TaskStatus.PROCESSING : null;
    return new TaskTimeline(
        createdAt(), queueEnd, runEnd, plannedRunMillis, failureCode, (flags & FAIL_AT_QUEUE) != 0, hold);
  }

  /** Replaces the timeline. */
  public synchronized void timeline(TaskTimeline timeline) {
    queueEnd = timeline.queueEnd();
    runEnd = timeline.runEnd();
    plannedRunMillis = (int) Math.min(Integer.MAX_VALUE, timeline.plannedRunMillis());
    failureCode = timeline.failureCode();
    int kept = flags & (WATERMARKED | REMOVED);
    if (timeline.failAtQueue()) {
      kept |= FAIL_AT_QUEUE;
    }
    if (timeline.hold() == TaskStatus.QUEUED) {
      kept |= HOLD_QUEUED;
    } else if (timeline.hold() == TaskStatus.PROCESSING) {
      kept |= HOLD_PROCESSING;
    }
    flags = (byte) kept;
  }

  /** The status at {@code millis}. */
  public synchronized TaskStatus statusAt(long millis) {
    return timeline().statusAt(millis);
  }

  /** The last status announced (callbacks sent, counters updated); {@code queued} at first. */
  public synchronized TaskStatus announced() {
    return STATUSES[announced];
  }

  /**
   * Sets the last status announced. Outside this package a status is announced through {@link TaskStore#announced},
   * which also keeps the store's count of finished tasks.
   */
  synchronized void announced(TaskStatus status) {
    announced = (byte) status.ordinal();
  }

  /** Whether the task's last status was announced: it is finished for good and may be evicted. */
  public synchronized boolean finished() {
    return STATUSES[announced].isFinal();
  }

  /** Whether the task was deleted, evicted or reset away; it then takes no further part in the lifecycle. */
  public synchronized boolean removed() {
    return (flags & REMOVED) != 0;
  }

  public synchronized void markRemoved() {
    flags |= REMOVED;
  }

  @Override
  public String toString() {
    return id().toString();
  }
}

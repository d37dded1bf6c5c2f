package io.kirincontract.mock.callbacks.internal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Every delivery attempt, oldest first, bounded: once {@link #capacity()} entries are held, each new entry
 * drops the oldest one ({@link #evicted()} counts them). Thread-safe; queries return snapshots that later
 * writes do not change. Queries scan the log, which is fine for an admin API and tests at the default
 * capacity.
 */
public final class DeliveryLog {

  private final int capacity;
  private final ArrayDeque<DeliveryAttempt> entries;
  private long evicted;

  /** An empty log holding at most {@code capacity} attempts. */
  public DeliveryLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  /** Appends an attempt, dropping the oldest one when full. */
  public synchronized void record(DeliveryAttempt attempt) {
    Objects.requireNonNull(attempt, "attempt");
    if (entries.size() == capacity) {
      entries.pollFirst();
      evicted++;
    }
    entries.addLast(attempt);
  }

  /** All attempts held, oldest first. */
  public synchronized List<DeliveryAttempt> all() {
    return List.copyOf(entries);
  }

  /** The attempts held for one task id, oldest first. */
  public List<DeliveryAttempt> forTask(String taskId) {
    return find(attempt -> attempt.taskId().equals(taskId));
  }

  /** The attempts held for one tenant, oldest first. */
  public List<DeliveryAttempt> forTenant(String tenant) {
    return find(attempt -> attempt.tenant().equals(tenant));
  }

  /** The attempts held that match, oldest first. */
  public synchronized List<DeliveryAttempt> find(Predicate<? super DeliveryAttempt> filter) {
    return entries.stream().filter(filter).toList();
  }

  /** Number of attempts held. */
  public synchronized int size() {
    return entries.size();
  }

  /** Most attempts held at once. */
  public int capacity() {
    return capacity;
  }

  /** Attempts dropped to make room since the log was created or last cleared. */
  public synchronized long evicted() {
    return evicted;
  }

  /** Forgets every attempt (for a reset). Deliveries under way keep logging afterwards. */
  public synchronized void clear() {
    entries.clear();
    evicted = 0;
  }
}

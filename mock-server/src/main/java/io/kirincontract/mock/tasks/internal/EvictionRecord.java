package io.kirincontract.mock.tasks.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The most recent evictions, so that a poll of an evicted task can say so instead of answering as if the task never
 * existed. Bounded: the oldest entries are forgotten first ({@link #CAPACITY} by default, a few megabytes at most).
 * Thread-safe.
 */
final class EvictionRecord {

  /** Evictions remembered by default. */
  static final int CAPACITY = 16_384;

  private record Entry(TaskId id, String tenant, String externalKey) {}

  private final int capacity;
  private final ArrayDeque<Entry> ring = new ArrayDeque<>();
  private final Map<TaskId, Entry> byId = new HashMap<>();
  private final Map<String, Entry> byExternalId = new HashMap<>();

  EvictionRecord(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(TaskRecord task) {
    if (capacity == 0) {
      return;
    }
    if (ring.size() == capacity) {
      Entry oldest = ring.removeFirst();
      byId.remove(oldest.id(), oldest);
      if (oldest.externalKey() != null) {
        byExternalId.remove(oldest.externalKey(), oldest);
      }
    }
    String externalKey = task.externalTaskId() == null ? null : externalKey(task.tenant(), task.externalTaskId());
    Entry entry = new Entry(task.id(), task.tenant(), externalKey);
    ring.addLast(entry);
    byId.put(entry.id(), entry);
    if (externalKey != null) {
      byExternalId.put(externalKey, entry);
    }
  }

  /** Whether this tenant's task with this id was evicted recently. */
  synchronized boolean hasId(String tenant, TaskId id) {
    Entry entry = byId.get(id);
    return entry != null && entry.tenant().equals(tenant);
  }

  /** Whether this tenant's task with this external id was evicted recently. */
  synchronized boolean hasExternalId(String tenant, String externalTaskId) {
    return byExternalId.containsKey(externalKey(tenant, externalTaskId));
  }

  synchronized int size() {
    return ring.size();
  }

  synchronized void clear() {
    ring.clear();
    byId.clear();
    byExternalId.clear();
  }

  private static String externalKey(String tenant, String externalTaskId) {
    return tenant.length() + ":" + tenant + externalTaskId;
  }
}

package io.kirincontract.mock.tasks.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The most recent evictions, so that a poll of an evicted task can say so instead of answering as if the task never
 * existed. Bounded: the oldest entries are forgotten first ({@link #CAPACITY} by default, a few megabytes at most).
 *
 * <p>Thread-safe without a lock: when the store is full every create evicts, so a monitor here would line the
 * creates up behind whichever thread the scheduler preempted while holding it. Each eviction takes the next slot of
 * a ring by a counter and forgets the entry it replaces; the indexes forget an entry only if it is still the one they
 * hold.
 */
final class EvictionRecord {

  /** Evictions remembered by default. */
  static final int CAPACITY = 16_384;

  private record Entry(TaskId id, String tenant, String externalKey) {}

  private final int capacity;
  private final AtomicReferenceArray<Entry> ring;
  private final AtomicLong added = new AtomicLong();
  private final Map<TaskId, Entry> byId = new ConcurrentHashMap<>();
  private final Map<String, Entry> byExternalId = new ConcurrentHashMap<>();

  EvictionRecord(int capacity) {
    this.capacity = capacity;
    this.ring = new AtomicReferenceArray<>(capacity);
  }

  void add(TaskRecord task) {
    if (capacity == 0) {
      return;
    }
    String externalKey = task.externalTaskId() == null ? null : externalKey(task.tenant(), task.externalTaskId());
    Entry entry = new Entry(task.id(), task.tenant(), externalKey);
    byId.put(entry.id(), entry);
    if (externalKey != null) {
      byExternalId.put(externalKey, entry);
    }
    Entry oldest = ring.getAndSet((int) (added.getAndIncrement() % capacity), entry);
    if (oldest != null) {
      byId.remove(oldest.id(), oldest);
      if (oldest.externalKey() != null) {
        byExternalId.remove(oldest.externalKey(), oldest);
      }
    }
  }

  /** Whether this tenant's task with this id was evicted recently. */
  boolean hasId(String tenant, TaskId id) {
    Entry entry = byId.get(id);
    return entry != null && entry.tenant().equals(tenant);
  }

  /** Whether this tenant's task with this external id was evicted recently. */
  boolean hasExternalId(String tenant, String externalTaskId) {
    return byExternalId.containsKey(externalKey(tenant, externalTaskId));
  }

  int size() {
    return byId.size();
  }

  /** Forgets every eviction (a reset); evictions recorded while it runs may be kept. */
  void clear() {
    for (int i = 0; i < capacity; i++) {
      ring.set(i, null);
    }
    byId.clear();
    byExternalId.clear();
  }

  private static String externalKey(String tenant, String externalTaskId) {
    return tenant.length() + ":" + tenant + externalTaskId;
  }
}

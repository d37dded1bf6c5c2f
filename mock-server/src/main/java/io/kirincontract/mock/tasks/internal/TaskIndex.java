package io.kirincontract.mock.tasks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.StampedLock;

/**
 * The store's tasks by id: open addressing over arrays of the records themselves, each record carrying its id's bits,
 * so that a stored task costs the index one array slot and no object: a {@code ConcurrentHashMap} keyed by {@link
 * TaskId} adds a node and the key to each record, two million objects more for the collector to trace in a full
 * store.
 *
 * <p>The index is split in {@value #SEGMENTS} segments by the id's hash. A segment's writes take its write lock; a
 * lookup reads without a lock and checks afterwards that no write ran meanwhile ({@link StampedLock}'s optimistic
 * read), reading again under the read lock only when one did. The probe of an optimistic read never runs past the
 * array it started on and reads only a record's final fields, so a read that raced a write is discarded, not
 * trusted. Deletion shifts the following entries back (no tombstones), so a segment's probe lengths stay those of
 * its load however many tasks came and went.
 */
final class TaskIndex {

  private static final int SEGMENTS = 64;
  private static final int FIRST_CAPACITY = 16;

  private final Segment[] segments = new Segment[SEGMENTS];
  /**
   * Records held, in one counter: a sum over the segments could count a record added in one segment and not yet
   * the one its adder evicted from another, and so show more records than the store's cap.
   */
  private final AtomicInteger size = new AtomicInteger();

  TaskIndex() {
    for (int i = 0; i < SEGMENTS; i++) {
      segments[i] = new Segment();
    }
  }

  /** The record with this id, or {@code null}. */
  TaskRecord get(TaskId id) {
    int hash = spread(id.hashCode());
    return segment(hash).get(id.high(), id.low(), hash);
  }

  /** Adds a record, replacing one with the same id. */
  void put(TaskRecord task) {
    int hash = hashOf(task);
    if (segment(hash).put(task, hash)) {
      size.incrementAndGet();
    }
  }

  /** Removes this very record; false when the index does not hold it (any more). */
  boolean remove(TaskRecord task) {
    int hash = hashOf(task);
    if (segment(hash).remove(task, hash)) {
      size.decrementAndGet();
      return true;
    }
    return false;
  }

  int size() {
    return size.get();
  }

  /** A copy of the records held, in no particular order (each segment as it was when copied). */
  List<TaskRecord> values() {
    List<TaskRecord> all = new ArrayList<>();
    for (Segment segment : segments) {
      segment.copyTo(all);
    }
    return all;
  }

  /** Removes every record and returns them. */
  List<TaskRecord> clear() {
    List<TaskRecord> all = new ArrayList<>();
    for (Segment segment : segments) {
      size.addAndGet(-segment.clearInto(all));
    }
    return all;
  }

  private Segment segment(int hash) {
    return segments[hash >>> 26]; // the top 6 bits pick the segment; the low bits the slot within it
  }

  /** The record's id's hash as the index uses it (the same as {@code spread(id.hashCode())}). */
  private static int hashOf(TaskRecord task) {
    return spread(task.idHash());
  }

  /** Spreads the id's hash over all 32 bits (a multiplicative mix), so that both the segment and the slot vary. */
  private static int spread(int hash) {
    int mixed = hash * 0x9E3779B9;
    return mixed ^ (mixed >>> 16);
  }

  /** One segment: a power-of-two array, at most three quarters full, probed linearly. */
  private static final class Segment {
    private final StampedLock lock = new StampedLock();
    private TaskRecord[] slots = new TaskRecord[FIRST_CAPACITY];
    private int size;

    TaskRecord get(long high, long low, int hash) {
      long stamp = lock.tryOptimisticRead();
      if (stamp != 0) {
        TaskRecord found = probe(slots, high, low, hash);
        if (lock.validate(stamp)) {
          return found;
        }
      }
      stamp = lock.readLock();
      try {
        return probe(slots, high, low, hash);
      } finally {
        lock.unlockRead(stamp);
      }
    }

    /** The record with this id in {@code table}; at most one pass over it, whatever a racing write did to it. */
    private static TaskRecord probe(TaskRecord[] table, long high, long low, int hash) {
      int mask = table.length - 1;
      for (int i = hash & mask, seen = 0; seen < table.length; i = (i + 1) & mask, seen++) {
        TaskRecord entry = table[i];
        if (entry == null) {
          return null;
        }
        if (entry.hasId(high, low)) {
          return entry;
        }
      }
      return null;
    }

    /** True when the segment grew by one (no record with the id was there). */
    boolean put(TaskRecord task, int hash) {
      long stamp = lock.writeLock();
      try {
        if ((size + 1) * 4L > slots.length * 3L) {
          slots = resized(slots.length * 2);
        }
        boolean added = insert(slots, task, hash);
        if (added) {
          size++;
        }
        return added;
      } finally {
        lock.unlockWrite(stamp);
      }
    }

    /** Puts the record in its first free slot, or over the one with its id; true when the table grew by one. */
    private static boolean insert(TaskRecord[] table, TaskRecord task, int hash) {
      int mask = table.length - 1;
      int i = hash & mask;
      while (table[i] != null) {
        if (table[i].sameId(task)) {
          table[i] = task;
          return false;
        }
        i = (i + 1) & mask;
      }
      table[i] = task;
      return true;
    }

    private TaskRecord[] resized(int capacity) {
      TaskRecord[] bigger = new TaskRecord[capacity];
      for (TaskRecord entry : slots) {
        if (entry != null) {
          insert(bigger, entry, hashOf(entry));
        }
      }
      return bigger;
    }

    boolean remove(TaskRecord task, int hash) {
      long stamp = lock.writeLock();
      try {
        TaskRecord[] table = slots;
        int mask = table.length - 1;
        int i = hash & mask;
        while (table[i] != null && table[i] != task) {
          i = (i + 1) & mask;
        }
        if (table[i] == null) {
          return false;
        }
        shiftBack(table, i);
        size--;
        return true;
      } finally {
        lock.unlockWrite(stamp);
      }
    }

    /**
     * Empties slot {@code gap} and moves back each following entry of the run that the gap would hide from its probe
     * (Knuth's deletion for linear probing), so that every entry stays reachable from its home slot.
     */
    private static void shiftBack(TaskRecord[] table, int gap) {
      int mask = table.length - 1;
      int i = gap;
      while (true) {
        i = (i + 1) & mask;
        TaskRecord entry = table[i];
        if (entry == null) {
          break;
        }
        int home = hashOf(entry) & mask;
        // the entry may move into the gap when its home is not in (gap, i], cyclically
        boolean homeAfterGap = gap <= i ? gap < home && home <= i : gap < home || home <= i;
        if (!homeAfterGap) {
          table[gap] = entry;
          gap = i;
        }
      }
      table[gap] = null;
    }

    void copyTo(List<TaskRecord> into) {
      long stamp = lock.readLock();
      try {
        addAll(slots, into);
      } finally {
        lock.unlockRead(stamp);
      }
    }

    /** Moves the segment's records to {@code into}; returns how many. */
    int clearInto(List<TaskRecord> into) {
      long stamp = lock.writeLock();
      try {
        addAll(slots, into);
        int cleared = size;
        slots = new TaskRecord[FIRST_CAPACITY];
        size = 0;
        return cleared;
      } finally {
        lock.unlockWrite(stamp);
      }
    }

    private static void addAll(TaskRecord[] table, List<TaskRecord> into) {
      for (TaskRecord entry : table) {
        if (entry != null) {
          into.add(entry);
        }
      }
    }
  }
}

package io.kirincontract.mock.tasks.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Predicate;

/**
 * One tenant's tasks in the order the store looks for one to evict: an unbounded queue that any number of threads
 * add to and take from without a lock, kept in arrays instead of a node per task.
 *
 * <p>Why not {@code ConcurrentLinkedQueue}: its node per task is a million objects more in a full store, chained one
 * after the other, which JDK 17's ZGC follows one by one in every marking (with the store full, the nodes doubled the
 * marking time of each cycle). Here a task costs one array slot. JCTools' array queues cost 1.5 to 2 KB per key
 * (padding and a first chunk), and an {@code ArrayDeque} under a lock lines the creates of one busy key up behind a
 * preempted holder; see {@code docs/performance.md}.
 *
 * <p>How: every slot has an index; {@code tail} is the next index to claim, {@code head} the next to take. An adder
 * claims an index ({@code getAndAdd}) and then fills its slot by compare-and-set from empty. A taker reads the slot
 * at {@code head}; when its adder has claimed it and not filled it yet, the taker waits a few spins and yields for
 * it, and then marks it taken; that adder, whose compare-and-set then fails, claims another index: nobody waits
 * long for a thread the scheduler stopped. The taker that moves {@code head} on by compare-and-set owns what the
 * slot held; indexes only grow and a slot is filled at most once, so a slot read is never a later task's. Slots live
 * in chunks of {@value #FIRST_CHUNK} to {@value #LAST_CHUNK} (each twice the one before), linked front to back; a
 * chunk whose slots were all taken is dropped, and a taken slot no longer holds its task.
 */
final class TaskLine {

  private static final int FIRST_CHUNK = 8;
  private static final int LAST_CHUNK = 1024;
  private static final int FILL_SPINS = 100;
  private static final int FILL_YIELDS = 10;
  /** A slot whose task was taken, or which a taker passed before its adder filled it. */
  private static final Object TAKEN = new Object();

  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
  private static final VarHandle HEAD;
  private static final VarHandle TAIL;
  private static final VarHandle HEAD_CHUNK;
  private static final VarHandle TAIL_CHUNK;
  private static final VarHandle NEXT;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      HEAD = lookup.findVarHandle(TaskLine.class, "head", long.class);
      TAIL = lookup.findVarHandle(TaskLine.class, "tail", long.class);
      HEAD_CHUNK = lookup.findVarHandle(TaskLine.class, "headChunk", Chunk.class);
      TAIL_CHUNK = lookup.findVarHandle(TaskLine.class, "tailChunk", Chunk.class);
      NEXT = lookup.findVarHandle(Chunk.class, "next", Chunk.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The next index to take. */
  private volatile long head;
  /** The next index to claim. */
  private volatile long tail;
  /** The chunk holding {@code head}, or one before it (moved on by takers). */
  private volatile Chunk headChunk;
  /** A chunk at or before the newest claimed index: where adders start looking. */
  private volatile Chunk tailChunk;

  private static final class Chunk {
    final long base;
    final Object[] slots;
    volatile Chunk next;

    Chunk(long base, int length) {
      this.base = base;
      this.slots = new Object[length];
    }

    long end() {
      return base + slots.length;
    }

    /** The chunk after this one, made by whichever thread needs it first. */
    Chunk next() {
      Chunk found = next;
      if (found != null) {
        return found;
      }
      Chunk made = new Chunk(end(), Math.min(2 * slots.length, LAST_CHUNK));
      Chunk raced = (Chunk) NEXT.compareAndExchange(this, (Chunk) null, made);
      return raced == null ? made : raced;
    }
  }

  /** Spins, and then yields, that a taker waits for an adder to fill the slot it claimed. */
  private final int fillSpins;
  private final int fillYields;

  TaskLine() {
    this(FILL_SPINS, FILL_YIELDS);
  }

  /** A line whose takers wait as long as given for a claimed slot to be filled (none: they pass it at once). */
  TaskLine(int fillSpins, int fillYields) {
    this.fillSpins = fillSpins;
    this.fillYields = fillYields;
    Chunk first = new Chunk(0, FIRST_CHUNK);
    headChunk = first;
    tailChunk = first;
  }

  /** Adds a task at the back. */
  void add(TaskRecord task) {
    while (!fill(claim(), task)) {
      // A taker passed the slot before it was filled: claim another.
    }
  }

  /** Claims the next index at the back: takers see it from now on, and wait a little for it to be filled. */
  long claim() {
    return (long) TAIL.getAndAdd(this, 1L);
  }

  /** Fills a claimed index; false when a taker has passed it meanwhile, and the task must claim another. */
  boolean fill(long index, TaskRecord task) {
    Chunk chunk = chunkToFill(index);
    return chunk != null && SLOT.compareAndSet(chunk.slots, (int) (index - chunk.base), null, task);
  }

  /** The task at the front, taken out; {@code null} when the line is empty. */
  TaskRecord poll() {
    while (true) {
      long index = head;
      if (index >= tail) {
        return null;
      }
      Chunk chunk = headChunk;
      if (chunk.base > index) {
        continue; // other takers moved on meanwhile
      }
      while (index >= chunk.end()) {
        // Every index before head was taken, so the chunks before head's are done with.
        Chunk next = chunk.next();
        HEAD_CHUNK.compareAndSet(this, chunk, next);
        chunk = next;
      }
      int slot = (int) (index - chunk.base);
      Object value = SLOT.getAcquire(chunk.slots, slot);
      if (value == null) {
        value = awaitFill(chunk.slots, slot);
        if (value == null && !SLOT.compareAndSet(chunk.slots, slot, null, TAKEN)) {
          continue; // filled meanwhile: read it again
        }
      }
      if (HEAD.compareAndSet(this, index, index + 1) && value != null && value != TAKEN) {
        SLOT.setRelease(chunk.slots, slot, TAKEN);
        return (TaskRecord) value;
      }
    }
  }

  /**
   * Tasks in the line, read from its two indexes (no walk); exact when no add is under way. An index claimed and not
   * yet filled counts; a task whose slot a taker passed does not, until it has claimed another.
   */
  int size() {
    long front = head; // read first: tail only grows, so the difference is never negative
    return (int) Math.min(tail - front, Integer.MAX_VALUE);
  }

  /**
   * Takes out the tasks that {@code drop} accepts and moves the others to the back, in their order; tasks added or
   * taken meanwhile by other threads are left to them. Returns how many were dropped.
   */
  int removeIf(Predicate<TaskRecord> drop) {
    int entries = size();
    int dropped = 0;
    for (int i = 0; i < entries; i++) {
      TaskRecord task = poll();
      if (task == null) {
        break;
      }
      if (drop.test(task)) {
        dropped++;
      } else {
        add(task);
      }
    }
    return dropped;
  }

  /**
   * What a claimed slot holds once its adder, which is between its claim and its write, fills it; {@code null} when
   * it does not within a few spins and yields (the adder's thread was stopped by the scheduler). Passing the slot at
   * once would make an adder racing takers on an empty line claim again and again.
   */
  private Object awaitFill(Object[] slots, int slot) {
    for (int i = 0; i < fillSpins + fillYields; i++) {
      if (i < fillSpins) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
      Object value = SLOT.getAcquire(slots, slot);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** The chunk of a claimed index, or {@code null} when takers have passed it (its slot is taken). */
  private Chunk chunkToFill(long index) {
    Chunk chunk = tailChunk;
    if (chunk.base > index) {
      chunk = headChunk;
      if (chunk.base > index) {
        return null;
      }
    }
    while (index >= chunk.end()) {
      chunk = chunk.next();
    }
    Chunk hint = tailChunk;
    if (hint.base < chunk.base) {
      TAIL_CHUNK.compareAndSet(this, hint, chunk);
    }
    return chunk;
  }
}

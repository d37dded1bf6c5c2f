package io.kirincontract.mock.tasks.internal;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes task ids: the creation time and 80 bits from a {@link SecureRandom}, so ids cannot be guessed. Ids made in
 * the same millisecond one after the other are still increasing (the random part grows by a random step, as
 * monotonic ULIDs do); a clock going back does not make ids go back (the id takes the last time), until {@link
 * #reset()}.
 *
 * <p>Each thread draws from its own generator (seeded by the operating system), a block of bytes at a time used in
 * order. Ids stay increasing without a lock: the last id is swapped in by compare-and-set, so a thread preempted
 * while making an id holds up no other (under load, with many more request threads than cores, a lock here made
 * convoys).
 */
public final class TaskIds {

  private static final ThreadLocal<RandomBits> RANDOM = ThreadLocal.withInitial(RandomBits::new);

  private final AtomicReference<TaskId> last = new AtomicReference<>();

  /** A new id for a task created at {@code millis} (epoch milliseconds). */
  public TaskId next(long millis) {
    RandomBits random = RANDOM.get();
    int high = random.nextInt() & 0x7FFF; // leave room to grow within the millisecond
    long low = random.nextLong();
    long step = 1 + (random.nextInt() & 0xFFFFFFL);
    while (true) {
      TaskId previous = last.get();
      TaskId id;
      if (previous == null || millis > previous.millis()) {
        id = TaskId.of(millis, high, low);
      } else {
        long nextLow = previous.random64() + step;
        int carry = Long.compareUnsigned(nextLow, previous.random64()) < 0 ? 1 : 0;
        id = TaskId.of(previous.millis(), previous.random16() + carry, nextLow);
      }
      if (last.compareAndSet(previous, id)) {
        return id;
      }
    }
  }

  /** Forgets the last id, so that the next takes its time as given (after a reset that sets a clock back). */
  public void reset() {
    last.set(null);
  }

  /**
   * A thread's random bits: drawn from its {@link SecureRandom} {@value #BLOCK} bytes at a time (one call per 16
   * ids rather than three per id: the generator's own lock and bookkeeping cost more than its hashing), then read in
   * order.
   */
  private static final class RandomBits {
    private static final int BLOCK = 256;
    private static final java.lang.invoke.VarHandle INT =
        java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.BIG_ENDIAN);
    private static final java.lang.invoke.VarHandle LONG =
        java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    private final SecureRandom random = generator();
    private final byte[] bytes = new byte[BLOCK];
    private int next = BLOCK;

    int nextInt() {
      take(4);
      int value = (int) INT.get(bytes, next);
      next += 4;
      return value;
    }

    long nextLong() {
      take(8);
      long value = (long) LONG.get(bytes, next);
      next += 8;
      return value;
    }

    private void take(int count) {
      if (next + count > BLOCK) {
        random.nextBytes(bytes);
        next = 0;
      }
    }
  }

  /** A generator of its own (no lock shared with other threads), seeded from the operating system. */
  private static SecureRandom generator() {
    try {
      return SecureRandom.getInstance("SHA1PRNG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }
}

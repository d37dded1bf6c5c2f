package io.kirincontract.mock.tasks.internal;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Makes task ids: the creation time and 80 bits from a {@link SecureRandom}, so ids cannot be guessed. Ids made in
 * the same millisecond one after the other are still increasing (the random part grows by a random step, as
 * monotonic ULIDs do); a clock going back does not make ids go back (the id takes the last time), until {@link
 * #reset()}.
 *
 * <p>Each thread draws from its own generator (seeded by the operating system), outside the lock that keeps ids
 * increasing: under load the lock is held for a few comparisons, never for a draw.
 */
public final class TaskIds {

  private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(TaskIds::generator);

  private long lastMillis = -1;
  private int lastHigh;
  private long lastLow;

  /** A new id for a task created at {@code millis} (epoch milliseconds). */
  public TaskId next(long millis) {
    SecureRandom random = RANDOM.get();
    int high = random.nextInt() & 0x7FFF; // leave room to grow within the millisecond
    long low = random.nextLong();
    long step = 1 + (random.nextInt() & 0xFFFFFFL);
    synchronized (this) {
      if (millis > lastMillis) {
        lastMillis = millis;
        lastHigh = high;
        lastLow = low;
      } else {
        long next = lastLow + step;
        if (Long.compareUnsigned(next, lastLow) < 0) {
          lastHigh++;
        }
        lastLow = next;
      }
      return TaskId.of(lastMillis, lastHigh, lastLow);
    }
  }

  /** Forgets the last id, so that the next takes its time as given (after a reset that sets a clock back). */
  public synchronized void reset() {
    lastMillis = -1;
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

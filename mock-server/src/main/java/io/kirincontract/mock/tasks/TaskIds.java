package io.kirincontract.mock.tasks;

import java.security.SecureRandom;

/**
 * Makes task ids: the creation time and 80 bits from a {@link SecureRandom}, so ids cannot be guessed. Ids made in
 * the same millisecond are still increasing (the random part grows by a random step, as monotonic ULIDs do), so ids
 * sort in creation order.
 */
public final class TaskIds {

  private final SecureRandom random = new SecureRandom();
  private long lastMillis = -1;
  private int lastHigh;
  private long lastLow;

  /** A new id for a task created at {@code millis} (epoch milliseconds). */
  public synchronized TaskId next(long millis) {
    if (millis > lastMillis) {
      lastMillis = millis;
      lastHigh = random.nextInt() & 0x7FFF; // leave room to grow within the millisecond
      lastLow = random.nextLong();
    } else {
      long step = 1 + (random.nextInt() & 0xFFFFFFL);
      long low = lastLow + step;
      if (Long.compareUnsigned(low, lastLow) < 0) {
        lastHigh++;
      }
      lastLow = low;
    }
    return TaskId.of(lastMillis, lastHigh, lastLow);
  }
}

package io.kirincontract.mock.tasks;

import java.security.SecureRandom;

/** Makes task ids: the creation time and 80 bits from a {@link SecureRandom}, so ids cannot be guessed. */
public final class TaskIds {

  private final SecureRandom random = new SecureRandom();

  /** A new id for a task created at {@code millis} (epoch milliseconds). */
  public TaskId next(long millis) {
    return TaskId.of(millis, random.nextInt(), random.nextLong());
  }
}

package io.kirincontract.mock.tasks;

import java.security.SecureRandom;
import java.time.Clock;

/** Task ids like {@code task_01JDX8Z6Q2W3E4R5T6Y7U8I9O0}: 48 bits of time and 80 random bits, Crockford base32. */
public final class TaskIds {

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public TaskIds(Clock clock) {
    this.clock = clock;
  }

  public String next() {
    char[] id = new char[26];
    long time = clock.millis();
    for (int i = 9; i >= 0; i--) {
      id[i] = ALPHABET[(int) (time & 31)];
      time >>>= 5;
    }
    for (int i = 10; i < 26; i++) {
      id[i] = ALPHABET[random.nextInt(32)];
    }
    return "task_" + new String(id);
  }
}

package io.kirincontract.mock.tasks.internal;

import java.util.Optional;

/**
 * A task id, {@code task_01JDX8Z6Q2W3E4R5T6Y7U8I9O0}: 48 bits of creation time in epoch milliseconds and 80 random
 * bits, written as 26 Crockford base32 characters after {@code task_}. Kept as two longs (the text is made when
 * needed), so that a stored task pays 32 bytes for its id instead of about 80 for the string.
 */
public final class TaskId {

  private static final String PREFIX = "task_";
  private static final int CHARS = 26;
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final byte[] VALUES = new byte[128];

  static {
    java.util.Arrays.fill(VALUES, (byte) -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      VALUES[ALPHABET[i]] = (byte) i;
    }
  }

  /** Creation time (48 bits) then the top 16 random bits. */
  private final long high;

  /** The low 64 random bits. */
  private final long low;

  private TaskId(long high, long low) {
    this.high = high;
    this.low = low;
  }

  /** The id of a task created at {@code millis} with these 80 random bits (the top 16 in {@code random16}). */
  public static TaskId of(long millis, int random16, long random64) {
    if (millis < 0 || millis >= 1L << 48) {
      throw new IllegalArgumentException("creation time out of range: " + millis);
    }
    return new TaskId(millis << 16 | (random16 & 0xFFFFL), random64);
  }

  /** The id whose bits are {@link #high()} and {@link #low()} (a record keeps them, not the object). */
  static TaskId ofBits(long high, long low) {
    return new TaskId(high, low);
  }

  /** The id written as {@code text}, or empty when the text is not an id this server could have made. */
  public static Optional<TaskId> parse(String text) {
    if (text == null || text.length() != PREFIX.length() + CHARS || !text.startsWith(PREFIX)) {
      return Optional.empty();
    }
    long time = 0;
    for (int i = 0; i < 10; i++) {
      int value = value(text.charAt(PREFIX.length() + i));
      if (value < 0 || (i == 0 && value > 7)) { // 48 bits of time: the first of 10 characters holds 3
        return Optional.empty();
      }
      time = time << 5 | value;
    }
    long top16 = 0;
    long low = 0;
    for (int i = 10; i < CHARS; i++) {
      int value = value(text.charAt(PREFIX.length() + i));
      if (value < 0) {
        return Optional.empty();
      }
      top16 = (top16 << 5 | low >>> 59) & 0xFFFF;
      low = low << 5 | value;
    }
    return Optional.of(new TaskId(time << 16 | top16, low));
  }

  /** The creation time in epoch milliseconds. */
  public long millis() {
    return high >>> 16;
  }

  /** The top 16 random bits. */
  int random16() {
    return (int) (high & 0xFFFF);
  }

  /** The low 64 random bits. */
  long random64() {
    return low;
  }

  /** Creation time then the top 16 random bits, as {@link #ofBits} takes them. */
  long high() {
    return high;
  }

  /** The low 64 random bits, as {@link #ofBits} takes them. */
  long low() {
    return low;
  }

  @Override
  public String toString() {
    char[] text = new char[PREFIX.length() + CHARS];
    PREFIX.getChars(0, PREFIX.length(), text, 0);
    long time = millis();
    for (int i = 9; i >= 0; i--) {
      text[PREFIX.length() + i] = ALPHABET[(int) (time & 31)];
      time >>>= 5;
    }
    long top16 = high & 0xFFFF;
    long low64 = low;
    for (int i = CHARS - 1; i >= 10; i--) {
      text[PREFIX.length() + i] = ALPHABET[(int) (low64 & 31)];
      low64 = low64 >>> 5 | (top16 & 31) << 59;
      top16 >>>= 5;
    }
    return new String(text);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TaskId id && id.high == high && id.low == low;
  }

  @Override
  public int hashCode() {
    return hash(high, low);
  }

  /** {@link #hashCode()} of the id with these bits, without making it. */
  static int hash(long high, long low) {
    return Long.hashCode(high * 31 + low);
  }

  private static int value(char c) {
    return c < 128 ? VALUES[c] : -1;
  }
}

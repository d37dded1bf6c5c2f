package io.kirincontract.mock.http.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * Strict UTF-8 (RFC 3629) for request bodies, checked before the JSON parser sees them. Jackson decodes over-long
 * forms ({@code C0 AF} for {@code /}) and encoded surrogates without complaint, so such a body used to be accepted
 * in a {@code prompt} and refused elsewhere; now every one is a {@code 400 invalid_json} that says where.
 */
final class Utf8 {

  private Utf8() {}

  /** Eight bytes at a time, in the order of the array. */
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The top bit of each of eight bytes: none is set in a run of ASCII. */
  private static final long NOT_ASCII = 0x8080808080808080L;

  /** The offset of the first byte that starts no valid sequence, or -1 when all of {@code bytes} is valid. */
  static int firstInvalid(byte[] bytes) {
    int n = bytes.length;
    int i = 0;
    while (i < n) {
      // runs of ASCII (all of a base64 image) eight bytes at a time
      while (i + Long.BYTES <= n && ((long) LONGS.get(bytes, i) & NOT_ASCII) == 0) {
        i += Long.BYTES;
      }
      if (i >= n) {
        break;
      }
      int c = bytes[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int more;
      if (c >= 0xC2 && c <= 0xDF) {
        more = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        more = 2;
      } else if (c >= 0xF0 && c <= 0xF4) {
        more = 3;
      } else {
        return i; // a continuation byte without a lead, C0/C1 (over-long), F5..FF
      }
      if (i + more >= n) {
        return i;
      }
      int second = bytes[i + 1] & 0xFF;
      if ((c == 0xE0 && second < 0xA0) // over-long three-byte form
          || (c == 0xED && second > 0x9F) // a UTF-16 surrogate
          || (c == 0xF0 && second < 0x90) // over-long four-byte form
          || (c == 0xF4 && second > 0x8F)) { // past U+10FFFF
        return i;
      }
      for (int k = 1; k <= more; k++) {
        if ((bytes[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      i += more + 1;
    }
    return -1;
  }

  /** What is wrong at {@code offset}, for the error message. */
  static String describe(byte[] bytes, int offset) {
    int c = bytes[offset] & 0xFF;
    int second = offset + 1 < bytes.length ? bytes[offset + 1] & 0xFF : -1;
    String kind;
    if (c == 0xC0 || c == 0xC1 || (c == 0xE0 && second >= 0 && second < 0xA0) || (c == 0xF0 && second >= 0 && second < 0x90)) {
      kind = "an over-long form";
    } else if (c == 0xED && second > 0x9F) {
      kind = "an encoded UTF-16 surrogate";
    } else {
      kind = "an invalid or cut sequence";
    }
    StringBuilder shown = new StringBuilder();
    for (int k = offset; k < Math.min(bytes.length, offset + 4); k++) {
      shown.append(k == offset ? "" : " ").append(String.format(Locale.ROOT, "%02X", bytes[k] & 0xFF));
    }
    return "the body is not valid UTF-8: " + kind + " at byte " + offset + " (" + shown + "); send JSON in UTF-8";
  }
}

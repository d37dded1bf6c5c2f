package io.kirincontract.mock.media.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Plain base64 as the Kirin API takes it: the standard alphabet ({@code +} and {@code /}), padding
 * optional, whitespace and line breaks ignored. The decoded size is known from the text's length,
 * before decoding. Text without whitespace (what clients send) takes the fast paths: the JDK's
 * decoder reads it as it is, and the size needs no pass over it.
 */
public final class Base64Media {

  private static final Base64.Decoder DECODER = Base64.getDecoder();

  private Base64Media() {}

  /** Thrown with a reason the user can act on. */
  static final class InvalidBase64Exception extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidBase64Exception(String reason) {
      super(reason);
    }
  }

  /**
   * An upper bound of the decoded size, computed from the length alone: exact when the text has no
   * whitespace and no padding.
   */
  static long decodedSizeUpperBound(String text) {
    return ((long) text.length() + 3) / 4 * 3;
  }

  /**
   * The decoded size of valid base64 text, without decoding it: from the length and the padding when
   * the text holds no whitespace (found by the JDK's vectorised search), else one pass that skips it.
   */
  public static long decodedSize(String text) {
    if (!hasWhitespace(text)) {
      int padding = 0;
      for (int i = text.length() - 1; i >= 0 && padding < 2 && text.charAt(i) == '='; i--) {
        padding++;
      }
      long data = text.length() - padding;
      return data / 4 * 3 + Math.max(0, data % 4 - 1);
    }
    long significant = 0;
    int padding = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isWhitespace(c)) {
        continue;
      }
      significant++;
      padding = c == '=' ? padding + 1 : 0;
    }
    long data = significant - Math.min(padding, 2);
    return data / 4 * 3 + Math.max(0, data % 4 - 1);
  }

  /** Decodes the text, or throws {@link InvalidBase64Exception} saying what is wrong with it. */
  static byte[] decode(String text) {
    byte[] ascii = text.getBytes(StandardCharsets.ISO_8859_1);
    if (!hasWhitespace(text)) {
      try {
        return DECODER.decode(ascii);
      } catch (IllegalArgumentException e) {
        throw new InvalidBase64Exception(explain(text, ascii.length));
      }
    }
    int length = removeWhitespace(ascii);
    byte[] significant = length == ascii.length ? ascii : Arrays.copyOf(ascii, length);
    try {
      return DECODER.decode(significant);
    } catch (IllegalArgumentException e) {
      throw new InvalidBase64Exception(explain(text, length));
    }
  }

  private static int removeWhitespace(byte[] ascii) {
    int kept = 0;
    for (int i = 0; i < ascii.length; i++) {
      byte b = ascii[i];
      if (!isWhitespace((char) b)) {
        ascii[kept++] = b;
      }
    }
    return kept;
  }

  private static String explain(String text, int significantLength) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '-' || c == '_') {
        return "not valid base64: it uses the URL-safe alphabet ('-' and '_'); use standard base64"
                   + " ('+' and '/')";
      }
      if (!isBase64Char(c) && !isWhitespace(c)) {
        return "not valid base64: character "
            + describe(c)
            + " at position "
            + i
            + " is not in the base64 alphabet";
      }
    }
    if (significantLength % 4 == 1) {
      return "not valid base64: its length ("
          + significantLength
          + " characters) cannot be decoded; the text looks truncated";
    }
    return "not valid base64: '=' padding may appear only at the end, at most twice";
  }

  private static String describe(char c) {
    if (c >= 0x20 && c < 0x7f) {
      return "'" + c + "'";
    }
    return String.format("U+%04X", (int) c);
  }

  private static boolean isBase64Char(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '+'
        || c == '/'
        || c == '=';
  }

  /** Whether the text holds any of the whitespace base64 may carry ({@link String#indexOf} is vectorised). */
  private static boolean hasWhitespace(String text) {
    return text.indexOf('\n') >= 0
        || text.indexOf(' ') >= 0
        || text.indexOf('\r') >= 0
        || text.indexOf('\t') >= 0
        || text.indexOf('\f') >= 0;
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
  }
}

package io.kirincontract.mock.robustness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The path a server sees for a request target, as the property must judge it: not the characters the generator
 * wrote. A {@code #} starts a fragment (a client does not send it; Jetty drops it from a raw request line), a
 * {@code ?} starts the query, {@code ;...} path parameters are dropped from each segment, percent escapes are
 * decoded, dot segments are resolved and one trailing slash is ignored. So
 * {@code /v1/videos/generations/#8gE(...)} is a plain create, and {@code /v1/videos/generations/%2e} too.
 */
final class ServerPath {

  private ServerPath() {}

  /** The decoded path the routes match, or empty when the target cannot be decoded (a {@code 400} is expected). */
  static Optional<String> of(String target) {
    String path = target;
    int fragment = path.indexOf('#');
    if (fragment >= 0) {
      path = path.substring(0, fragment);
    }
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    Deque<String> segments = new ArrayDeque<>();
    String[] parts = path.split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      String segment = parts[i];
      int parameters = segment.indexOf(';');
      if (parameters >= 0) {
        segment = segment.substring(0, parameters);
      }
      Optional<String> decoded = decode(segment);
      if (decoded.isEmpty()) {
        return Optional.empty();
      }
      String name = decoded.get();
      boolean last = i == parts.length - 1;
      if (name.equals(".")) {
        if (last) {
          segments.addLast("");
        }
      } else if (name.equals("..")) {
        if (segments.size() > 1) {
          segments.removeLast();
        }
        if (last) {
          segments.addLast("");
        }
      } else {
        segments.addLast(name);
      }
    }
    String plain = String.join("/", segments);
    if (plain.length() > 1 && plain.endsWith("/")) {
      plain = plain.substring(0, plain.length() - 1);
    }
    return Optional.of(plain);
  }

  private static Optional<String> decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return Optional.of(segment);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          return Optional.empty();
        }
        int high = Character.digit(segment.charAt(i + 1), 16);
        int low = Character.digit(segment.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return Optional.empty();
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        int end = i + Character.charCount(segment.codePointAt(i));
        bytes.writeBytes(segment.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end - 1;
      }
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}

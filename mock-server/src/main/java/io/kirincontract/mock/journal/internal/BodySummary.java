package io.kirincontract.mock.journal.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kirincontract.mock.media.internal.Base64Media;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * What the journal keeps of a body: never media or a long string whole. A JSON body in which no string needs
 * summarising is kept as the bytes the client sent (nothing is written again); otherwise each base64 image or video
 * becomes {@code {"$media": "base64 png 512x512, 41,213 bytes", "sha256": "..."}} and each other string over 1 KB
 * {@code {"$text": "2,600 characters: A paper boat…", "sha256": "..."}}. The digest lets a test tell two bodies
 * apart that differ only inside a summarised string. A body that is not JSON keeps its first 1 KB as text.
 */
public final class BodySummary {

  /** Strings longer than this (in characters) are summarised; bodies that are not JSON are cut to this many bytes. */
  public static final int MAX_STRING = 1024;

  /** How much of a summarised string the {@code $text} summary quotes. */
  static final int QUOTED = 64;

  /** Base64 characters decoded to read an image's header (PNG and most JPEG headers are within the first 48 KB). */
  private static final int HEADER_CHARS = 64 * 1024;

  /** Beyond this many characters the digest covers the first and last {@code DIGEST_PART} characters and the length. */
  private static final int DIGEST_WHOLE = 256 * 1024;

  private static final int DIGEST_PART = 128 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  private BodySummary() {}

  /** A kept body: JSON bytes, or the first 1 KB of a body that is not JSON. */
  public record Summary(byte[] json, String text) {}

  /**
   * @param bytes the body as received
   * @param tree the body as the mock already parsed it, or null when it was not parsed
   * @param notJson true when the body is known not to parse as JSON (the mock refused it as such)
   * @return what to keep, or null for an empty body
   */
  public static Summary of(byte[] bytes, JsonNode tree, boolean notJson) {
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    JsonNode parsed = tree;
    if (parsed == null && !notJson) {
      parsed = parse(bytes);
    }
    if (parsed == null) {
      return text(bytes);
    }
    if (!needsSummary(parsed)) {
      return new Summary(bytes, null);
    }
    try {
      return new Summary(JSON.writeValueAsBytes(summarise(parsed)), null);
    } catch (JsonProcessingException e) {
      return text(bytes);
    }
  }

  private static JsonNode parse(byte[] bytes) {
    try {
      JsonNode node = JSON.readTree(bytes);
      return node == null || node.isMissingNode() ? null : node;
    } catch (IOException e) {
      return null;
    }
  }

  private static Summary text(byte[] bytes) {
    int length = Math.min(bytes.length, MAX_STRING);
    String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
    if (length < bytes.length && !text.isEmpty() && text.charAt(text.length() - 1) == '\uFFFD') {
      text = text.substring(0, text.length() - 1); // a character cut in the middle of its bytes
    }
    return new Summary(null, text);
  }

  /** Whether any string in the tree is media or over 1 KB; walks without allocating. */
  static boolean needsSummary(JsonNode node) {
    if (node.isTextual()) {
      String text = node.textValue();
      return text.length() > MAX_STRING || mediaKind(text) != null;
    }
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        if (needsSummary(child)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The tree with every string that needs it summarised. */
  static JsonNode summarise(JsonNode node) {
    if (node.isTextual()) {
      String text = node.textValue();
      String kind = mediaKind(text);
      if (kind != null) {
        return JsonNodeFactory.instance.objectNode().put("$media", describeMedia(kind, text)).put("sha256", digest(text));
      }
      if (text.length() > MAX_STRING) {
        return JsonNodeFactory.instance.objectNode().put("$text", describeText(text)).put("sha256", digest(text));
      }
      return node;
    }
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        copy.set(field.getKey(), summarise(field.getValue()));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(child -> copy.add(summarise(child)));
      return copy;
    }
    return node;
  }

  /** {@code png}, {@code jpeg} or {@code mp4} when the text is base64 of such a file, else null. */
  static String mediaKind(String text) {
    if (text.length() < 8) {
      return null;
    }
    if (text.startsWith("iVBORw0KGgo")) {
      return "png";
    }
    if (text.startsWith("/9j/")) {
      return "jpeg";
    }
    if (text.length() >= 16) {
      byte[] head = decode(text, 16);
      if (head.length >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
        return "mp4";
      }
    }
    return null;
  }

  static String describeMedia(String kind, String text) {
    long bytes = Base64Media.decodedSize(text);
    String size = String.format(Locale.ROOT, "%,d bytes", bytes);
    int[] dimensions = kind.equals("mp4") ? null : dimensions(kind, decode(text, HEADER_CHARS));
    return "base64 " + kind + (dimensions == null ? "" : " " + dimensions[0] + "x" + dimensions[1]) + ", " + size;
  }

  static String describeText(String text) {
    String start = text.substring(0, Math.min(QUOTED, text.length()));
    if (Character.isHighSurrogate(start.charAt(start.length() - 1))) {
      start = start.substring(0, start.length() - 1);
    }
    return String.format(Locale.ROOT, "%,d characters: %s…", text.codePointCount(0, text.length()), start);
  }

  /** The first 16 hex digits of the text's SHA-256 (of its first and last 128 K characters and length when longer). */
  static String digest(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      if (text.length() <= DIGEST_WHOLE) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
      } else {
        sha.update(text.substring(0, DIGEST_PART).getBytes(StandardCharsets.UTF_8));
        sha.update(text.substring(text.length() - DIGEST_PART).getBytes(StandardCharsets.UTF_8));
        sha.update(Integer.toString(text.length()).getBytes(StandardCharsets.UTF_8));
      }
      return HEX.formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The bytes of the first {@code chars} base64 characters (whitespace skipped), as far as they decode. */
  private static byte[] decode(String text, int chars) {
    String head = text.substring(0, Math.min(chars, text.length()));
    if (plain(head)) {
      // what clients send: one line of base64, decoded as it is
      try {
        return Base64.getDecoder().decode(head.substring(0, head.length() - head.length() % 4));
      } catch (IllegalArgumentException e) {
        return new byte[0];
      }
    }
    StringBuilder significant = new StringBuilder(Math.min(chars, text.length()));
    for (int i = 0; i < text.length() && significant.length() < chars; i++) {
      char c = text.charAt(i);
      if (c == '=') {
        break;
      }
      if (!Character.isWhitespace(c)) {
        significant.append(c);
      }
    }
    significant.setLength(significant.length() - significant.length() % 4);
    try {
      return Base64.getDecoder().decode(significant.toString());
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  /** No padding and no control or space character: nothing to skip before decoding. */
  private static boolean plain(String head) {
    for (int i = 0; i < head.length(); i++) {
      char c = head.charAt(i);
      if (c <= ' ' || c == '=') {
        return false;
      }
    }
    return true;
  }

  /** Width and height from a PNG IHDR or a JPEG frame header, or null. */
  private static int[] dimensions(String kind, byte[] head) {
    if (kind.equals("png")) {
      return head.length >= 24 ? new int[] {int32(head, 16), int32(head, 20)} : null;
    }
    int i = 2;
    while (i + 9 < head.length) {
      if ((head[i] & 0xff) != 0xff) {
        return null;
      }
      int marker = head[i + 1] & 0xff;
      if (marker == 0xff) {
        i++;
        continue;
      }
      int length = ((head[i + 2] & 0xff) << 8) | (head[i + 3] & 0xff);
      boolean frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
      if (frame) {
        int height = ((head[i + 5] & 0xff) << 8) | (head[i + 6] & 0xff);
        int width = ((head[i + 7] & 0xff) << 8) | (head[i + 8] & 0xff);
        return new int[] {width, height};
      }
      i += 2 + length;
    }
    return null;
  }

  private static int int32(byte[] bytes, int at) {
    return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
        | (bytes[at + 3] & 0xff);
  }
}

package io.kirincontract.mock.media.internal;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Recognises content by its leading bytes (never by a name or a header) and names it for reasons.
 */
final class ContentSniffer {

  private static final int HEX_PREVIEW = 8;

  private ContentSniffer() {}

  /**
   * The file type metadata-extractor recognises from the magic bytes, or {@link FileType#Unknown}.
   */
  static FileType detect(byte[] bytes) {
    try {
      return FileTypeDetector.detectFileType(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("reading from memory cannot fail", e);
    }
  }

  /**
   * A short phrase for what the bytes are, such as "GIF image", "HTML document" or "empty content".
   */
  static String describe(byte[] bytes) {
    if (bytes.length == 0) {
      return "empty content (0 bytes)";
    }
    FileType type = detect(bytes);
    if (type != FileType.Unknown) {
      return describe(type);
    }
    if (isMatroska(bytes)) {
      return "Matroska/WebM video";
    }
    return describeText(bytes);
  }

  static String describe(FileType type) {
    String mime = type.getMimeType() == null ? "" : type.getMimeType();
    if (mime.startsWith("image/")) {
      return type.getName() + " image";
    }
    if (mime.startsWith("video/")) {
      return type.getName() + " video";
    }
    if (mime.startsWith("audio/")) {
      return type.getName() + " audio";
    }
    return type.getName() + " file (" + type.getLongName() + ")";
  }

  private static boolean isMatroska(byte[] bytes) {
    return bytes.length >= 4
        && (bytes[0] & 0xff) == 0x1a
        && (bytes[1] & 0xff) == 0x45
        && (bytes[2] & 0xff) == 0xdf
        && (bytes[3] & 0xff) == 0xa3;
  }

  private static String describeText(byte[] bytes) {
    int first = 0;
    while (first < bytes.length && first < 64 && Character.isWhitespace(bytes[first])) {
      first++;
    }
    if (first < bytes.length && bytes[first] == '<') {
      return "HTML or XML document";
    }
    if (first < bytes.length && (bytes[first] == '{' || bytes[first] == '[')) {
      return "JSON or other text";
    }
    if (looksLikeText(bytes)) {
      return "plain text";
    }
    return "unrecognised content (starting with " + hex(bytes) + ")";
  }

  private static boolean looksLikeText(byte[] bytes) {
    int n = Math.min(bytes.length, 512);
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b < 0x09 || (b > 0x0d && b < 0x20) || b == 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(bytes.length, HEX_PREVIEW); i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(String.format("%02x", bytes[i] & 0xff));
    }
    return out.toString();
  }
}

package io.kirincontract.mock.support;

import io.kirincontract.mock.media.SyntheticMedia;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real images as request values (plain base64), generated once per shape. */
public final class Media {

  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private Media() {}

  public static String png(int width, int height) {
    return CACHE.computeIfAbsent("png" + width + "x" + height, k -> base64(SyntheticMedia.png(width, height)));
  }

  public static String jpeg(int width, int height) {
    return CACHE.computeIfAbsent("jpeg" + width + "x" + height, k -> base64(SyntheticMedia.jpeg(width, height)));
  }

  public static String gif(int width, int height) {
    return CACHE.computeIfAbsent("gif" + width + "x" + height, k -> base64(SyntheticMedia.gif(width, height)));
  }

  /** A 300x300 PNG of exactly {@code bytes} bytes. */
  public static String pngOfSize(int bytes) {
    return CACHE.computeIfAbsent("png-size" + bytes, k -> base64(SyntheticMedia.pngOfSize(300, 300, bytes)));
  }

  public static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}

package io.kirincontract.mock.media;

import io.kirincontract.mock.media.internal.MediaValue;

/**
 * Reads images (base64 or URL) and videos (URL) far enough to know their format, size and dimensions, without
 * decoding whole images. Thread-safe.
 */
public interface MediaInspector {

  /** Inspects an image given as plain base64 (no {@code data:} prefix) or as an http(s) URL. */
  Inspection<ImageInfo> inspectImage(String value);

  /** Inspects a video given as an http(s) URL. */
  Inspection<VideoInfo> inspectVideo(String url);

  /** Whether inspecting this value would fetch it: an http(s) URL with a host (decided from the text alone). */
  static boolean isUrl(String value) {
    return MediaValue.parse(value) instanceof MediaValue.Url;
  }
}

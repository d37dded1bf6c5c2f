package io.kirincontract.mock.results.internal;

import io.kirincontract.mock.media.internal.SyntheticMediaCache;
import io.kirincontract.mock.media.VideoContainer;
import io.kirincontract.mock.media.internal.VideoShape;
import io.kirincontract.mock.tasks.TaskMetadata;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a task's result: a real, playable H.264 MP4 of the width, height, fps and duration in the task's
 * metadata (colour bars, from {@link io.kirincontract.mock.media.SyntheticMedia}), generated once per shape and kept
 * in a bounded cache. With {@code metadata.sound} "on" it has a silent audio track too (DESIGN §3). The watermarked result is the same video followed by a top-level ISO {@code free} box that
 * says {@value #WATERMARK}: different bytes, the same headers, still playable.
 */
public final class ResultVideos {

  /** The text of the watermark box. */
  public static final String WATERMARK = "kirin-mock watermark";

  private static final byte[] WATERMARK_BOX = watermarkBox();

  private final SyntheticMediaCache cache;

  public ResultVideos(SyntheticMediaCache cache) {
    this.cache = cache;
  }

  /** The video of a task that resolved to {@code metadata}. */
  public byte[] video(TaskMetadata metadata, boolean watermarked) {
    byte[] plain = cache.video(shape(metadata), VideoContainer.MP4, "on".equals(metadata.sound()));
    if (!watermarked) {
      return plain;
    }
    return ByteBuffer.allocate(plain.length + WATERMARK_BOX.length).put(plain).put(WATERMARK_BOX).array();
  }

  /** The shape of the video a task resolved to. */
  public static VideoShape shape(TaskMetadata metadata) {
    return new VideoShape(metadata.width(), metadata.height(), metadata.fps(), metadata.duration());
  }

  private static byte[] watermarkBox() {
    byte[] text = WATERMARK.getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(8 + text.length)
        .putInt(8 + text.length)
        .put("free".getBytes(StandardCharsets.US_ASCII))
        .put(text)
        .array();
  }
}

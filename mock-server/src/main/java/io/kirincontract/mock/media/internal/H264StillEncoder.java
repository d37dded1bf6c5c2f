package io.kirincontract.mock.media.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.codecs.h264.encode.DumbRateControl;
import org.jcodec.codecs.h264.io.model.PictureParameterSet;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;

/**
 * Encodes the {@link TestPattern} once as an IDR picture with JCodec and adds all-skip P pictures,
 * giving a {@link StillGop}. Only the IDR picture costs real encoding time; the rest is a few bytes
 * each.
 */
public final class H264StillEncoder {

  private H264StillEncoder() {}

  /** A group of {@code length} pictures (at least 2, so that IDR pictures are never adjacent). */
  public static StillGop encode(int width, int height, int fps, int length) {
    if (length < 2) {
      throw new IllegalArgumentException("a group needs at least 2 pictures, was " + length);
    }
    ShapedEncoder encoder = new ShapedEncoder(H264Levels.levelIdc(width, height, fps), length);
    Picture picture = TestPattern.yuv(width, height);
    ByteBuffer out = ByteBuffer.allocate(encoder.estimateBufferSize(picture));
    ByteBuffer encoded = encoder.encodeIDRFrame(picture, out);
    byte[] idr = new byte[encoded.remaining()];
    encoded.get(idr);

    List<byte[]> skips = new ArrayList<>(length - 1);
    for (int index = 1; index < length; index++) {
      skips.add(SkipSliceWriter.write(encoder.sps, encoder.pps, index, 2 * index));
    }
    return new StillGop(idr, List.copyOf(skips));
  }

  /**
   * JCodec's encoder with the level set for the shape, and {@code frame_num} and picture order
   * counts wide enough for a whole group without wrapping. Keeps the parameter sets it wrote for
   * the skip pictures.
   */
  private static final class ShapedEncoder extends H264Encoder {
    private final int levelIdc;
    private final int log2Length;
    SeqParameterSet sps;
    PictureParameterSet pps;

    ShapedEncoder(int levelIdc, int groupLength) {
      super(new DumbRateControl());
      this.levelIdc = levelIdc;
      this.log2Length = 32 - Integer.numberOfLeadingZeros(groupLength);
    }

    @Override
    public SeqParameterSet initSPS(Size size) {
      SeqParameterSet set = super.initSPS(size);
      set.levelIdc = levelIdc;
      set.log2MaxFrameNumMinus4 = Math.max(0, log2Length - 4);
      set.log2MaxPicOrderCntLsbMinus4 = Math.max(0, log2Length + 2 - 4);
      sps = set;
      return set;
    }

    @Override
    public PictureParameterSet initPPS() {
      pps = super.initPPS();
      return pps;
    }
  }
}

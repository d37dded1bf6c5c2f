package io.kirincontract.mock.media.internal;

import java.nio.ByteBuffer;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.io.model.NALUnit;
import org.jcodec.codecs.h264.io.model.NALUnitType;
import org.jcodec.codecs.h264.io.model.PictureParameterSet;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.SliceHeader;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.codecs.h264.io.write.CAVLCWriter;
import org.jcodec.codecs.h264.io.write.SliceHeaderWriter;
import org.jcodec.common.io.BitWriter;

/**
 * Writes a reference P picture in which every macroblock is skipped (H.264 7.3.4: one {@code
 * mb_skip_run} that covers the picture): the decoder copies the previous picture. A dozen bytes per
 * frame, valid for any decoder.
 */
final class SkipSliceWriter {

  /** Any non-zero value makes the picture a reference, so the next skip picture may refer to it. */
  private static final int NAL_REF_IDC = 2;

  private SkipSliceWriter() {}

  /**
   * @param frameNum {@code frame_num}, one more than the previous reference picture's
   * @param pocLsb {@code pic_order_cnt_lsb}, increasing within the group
   * @return the picture as an Annex B access unit (start code, NAL header, escaped slice)
   */
  static byte[] write(SeqParameterSet sps, PictureParameterSet pps, int frameNum, int pocLsb) {
    SliceHeader header = new SliceHeader();
    header.sps = sps;
    header.pps = pps;
    header.sliceType = SliceType.P;
    header.frameNum = frameNum;
    header.picOrderCntLsb = pocLsb;

    ByteBuffer rbsp = ByteBuffer.allocate(64);
    BitWriter bits = new BitWriter(rbsp);
    SliceHeaderWriter.write(header, false, NAL_REF_IDC, bits);
    int macroblocks = (sps.picWidthInMbsMinus1 + 1) * (sps.picHeightInMapUnitsMinus1 + 1);
    CAVLCWriter.writeUE(bits, macroblocks); // mb_skip_run
    CAVLCWriter.writeTrailingBits(bits);
    rbsp.flip();

    ByteBuffer unit = ByteBuffer.allocate(4 + 1 + rbsp.remaining() * 2);
    unit.putInt(1);
    new NALUnit(NALUnitType.NON_IDR_SLICE, NAL_REF_IDC).write(unit);
    H264Utils.escapeNAL(rbsp, unit);
    unit.flip();
    byte[] bytes = new byte[unit.remaining()];
    unit.get(bytes);
    return bytes;
  }
}

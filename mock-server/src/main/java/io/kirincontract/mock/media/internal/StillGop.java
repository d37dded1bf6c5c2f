package io.kirincontract.mock.media.internal;

import java.util.List;

/**
 * One group of pictures showing a still image, as Annex B H.264 access units: an IDR picture (with
 * SPS and PPS) followed by P pictures whose macroblocks are all skipped (copies of the previous
 * picture). Repeating the group gives a valid stream of any length with a key frame at the start of
 * each group.
 */
public record StillGop(byte[] idr, List<byte[]> skips) {

  int length() {
    return 1 + skips.size();
  }

  /** The access unit at position {@code index} of the group (0 is the IDR picture). */
  byte[] frame(int index) {
    return index == 0 ? idr : skips.get(index - 1);
  }
}

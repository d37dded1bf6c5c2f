package io.kirincontract.mock.media.internal;

import java.util.Arrays;

/**
 * Sets the creation and modification times of the movie ({@code mvhd}), track ({@code tkhd}) and
 * media ({@code mdhd}) headers to 0, in place. JCodec writes the wall-clock time there, which would
 * make every file differ.
 */
final class IsoTimestamps {

  private IsoTimestamps() {}

  static void clear(byte[] movie) {
    IsoBoxes boxes = new IsoBoxes(movie);
    IsoBox moov = boxes.top("moov").orElseThrow(() -> new IllegalStateException("no moov box"));
    for (IsoBox box : boxes.children(moov)) {
      if (box.type().equals("mvhd")) {
        clearTimes(movie, box);
      } else if (box.type().equals("trak")) {
        boxes.child(box, "tkhd").ifPresent(tkhd -> clearTimes(movie, tkhd));
        boxes
            .child(box, "mdia")
            .flatMap(mdia -> boxes.child(mdia, "mdhd"))
            .ifPresent(mdhd -> clearTimes(movie, mdhd));
      }
    }
  }

  /**
   * Version 0 boxes hold two 32-bit times after version and flags; version 1 boxes two 64-bit
   * times.
   */
  private static void clearTimes(byte[] movie, IsoBox box) {
    int from = box.contentStart() + 4;
    int length = movie[box.contentStart()] == 1 ? 16 : 8;
    Arrays.fill(movie, from, Math.min(from + length, box.end()), (byte) 0);
  }
}

package io.kirincontract.mock.media;

import java.util.Optional;

/**
 * Reads width, height, duration and frame rate straight from the boxes, for what metadata-extractor
 * does not give: {@code mvhd} (movie duration), and in the first video track ({@code hdlr} type
 * {@code vide}) the sample description ({@code stsd}, coded size; else {@code tkhd}, display size),
 * {@code mdhd} (track time scale and duration) and {@code stts} (sample count and total duration,
 * for the frame rate).
 */
final class MovieBoxes {

  private MovieBoxes() {}

  static MovieFacts read(IsoBoxes boxes) {
    Optional<IsoBox> moov = boxes.top("moov");
    if (moov.isEmpty()) {
      throw new UnreadableHeaderException("corrupt video: it has no movie header ('moov' box)");
    }
    double movieSeconds =
        boxes.child(moov.get(), "mvhd").map(mvhd -> movieSeconds(boxes, mvhd)).orElse(0.0);
    for (IsoBox trak : boxes.children(moov.get())) {
      if (trak.type().equals("trak") && isVideo(boxes, trak)) {
        return videoTrack(boxes, trak, movieSeconds);
      }
    }
    return new MovieFacts(0, 0, movieSeconds, 0);
  }

  private static double movieSeconds(IsoBoxes boxes, IsoBox mvhd) {
    int at = mvhd.contentStart();
    boolean wide = version(boxes, mvhd) == 1;
    int timescaleAt = at + 4 + (wide ? 16 : 8);
    long timescale = field32(boxes, mvhd, timescaleAt);
    long duration =
        wide ? field64(boxes, mvhd, timescaleAt + 4) : field32(boxes, mvhd, timescaleAt + 4);
    return timescale == 0 ? 0 : (double) duration / timescale;
  }

  private static boolean isVideo(IsoBoxes boxes, IsoBox trak) {
    return boxes
        .child(trak, "mdia")
        .flatMap(mdia -> boxes.child(mdia, "hdlr"))
        .map(hdlr -> boxes.fourCc(require(hdlr, hdlr.contentStart() + 8, 4)).equals("vide"))
        .orElse(false);
  }

  private static MovieFacts videoTrack(IsoBoxes boxes, IsoBox trak, double movieSeconds) {
    IsoBox mdia = boxes.child(trak, "mdia").orElseThrow();
    Optional<IsoBox> stbl = boxes.child(mdia, "minf").flatMap(minf -> boxes.child(minf, "stbl"));
    int[] size =
        stbl.flatMap(s -> boxes.child(s, "stsd"))
            .map(stsd -> codedSize(boxes, stsd))
            .orElse(new int[2]);
    if (size[0] == 0 || size[1] == 0) {
      size = boxes.child(trak, "tkhd").map(tkhd -> displaySize(boxes, tkhd)).orElse(new int[2]);
    }
    long timescale = 0;
    long trackDuration = 0;
    Optional<IsoBox> mdhd = boxes.child(mdia, "mdhd");
    if (mdhd.isPresent()) {
      IsoBox box = mdhd.get();
      boolean wide = version(boxes, box) == 1;
      int timescaleAt = box.contentStart() + 4 + (wide ? 16 : 8);
      timescale = field32(boxes, box, timescaleAt);
      trackDuration =
          wide ? field64(boxes, box, timescaleAt + 4) : field32(boxes, box, timescaleAt + 4);
    }
    long[] samples =
        stbl.flatMap(s -> boxes.child(s, "stts"))
            .map(stts -> sampleTimes(boxes, stts))
            .orElse(new long[2]);
    double sampleSeconds = timescale == 0 ? 0 : (double) samples[1] / timescale;
    double trackSeconds = timescale == 0 ? 0 : (double) trackDuration / timescale;
    double seconds =
        movieSeconds > 0 ? movieSeconds : trackSeconds > 0 ? trackSeconds : sampleSeconds;
    double fps = sampleSeconds > 0 ? samples[0] / sampleSeconds : 0;
    return new MovieFacts(size[0], size[1], seconds, fps);
  }

  /** Width and height of the first visual sample entry (ISO 14496-12 VisualSampleEntry). */
  private static int[] codedSize(IsoBoxes boxes, IsoBox stsd) {
    int entry = stsd.contentStart() + 8; // version, flags, entry_count
    int widthAt =
        entry + 8 + 6 + 2 + 16; // size, format, reserved, data_reference_index, predefined/reserved
    return new int[] {
      boxes.u16(require(stsd, widthAt, 2)), boxes.u16(require(stsd, widthAt + 2, 2))
    };
  }

  /** Width and height of the track header, 16.16 fixed point, rounded down. */
  private static int[] displaySize(IsoBoxes boxes, IsoBox tkhd) {
    boolean wide = version(boxes, tkhd) == 1;
    int widthAt = tkhd.contentStart() + 4 + (wide ? 32 : 20) + 52;
    return new int[] {
      (int) (field32(boxes, tkhd, widthAt) >>> 16), (int) (field32(boxes, tkhd, widthAt + 4) >>> 16)
    };
  }

  /** Sample count and the sum of sample durations, from the time-to-sample table. */
  private static long[] sampleTimes(IsoBoxes boxes, IsoBox stts) {
    long entries = field32(boxes, stts, stts.contentStart() + 4);
    if (entries > (stts.contentLength() - 8) / 8) {
      throw new UnreadableHeaderException(
          "corrupt video: its 'stts' box lists more entries than it holds");
    }
    long count = 0;
    long total = 0;
    int at = stts.contentStart() + 8;
    for (long i = 0; i < entries; i++, at += 8) {
      long samples = boxes.u32(at);
      count += samples;
      total += samples * boxes.u32(at + 4);
    }
    return new long[] {count, total};
  }

  private static int version(IsoBoxes boxes, IsoBox box) {
    return boxes.u8(require(box, box.contentStart(), 1));
  }

  private static long field32(IsoBoxes boxes, IsoBox box, int offset) {
    return boxes.u32(require(box, offset, 4));
  }

  private static long field64(IsoBoxes boxes, IsoBox box, int offset) {
    return boxes.u64(require(box, offset, 8));
  }

  private static int require(IsoBox box, int offset, int length) {
    if (offset + length > box.end()) {
      throw new UnreadableHeaderException(
          "corrupt video: its '"
              + box.type()
              + "' box is too short ("
              + box.contentLength()
              + " bytes)");
    }
    return offset;
  }
}

package io.kirincontract.mock.media.internal;

import java.util.Optional;

/**
 * Reads width, height, duration and frame rate straight from the boxes, for what metadata-extractor
 * does not give: {@code mvhd} (movie duration), and in the first video track ({@code hdlr} type
 * {@code vide}) the sample description ({@code stsd}, coded size; else {@code tkhd}, display size),
 * {@code mdhd} (track time scale and duration) and {@code stts} (sample count and total duration,
 * for the frame rate).
 *
 * <p>A fragmented file (ISO 14496-12 §8.8: {@code mvex} in the movie box, samples in {@code moof}
 * fragments, as MediaRecorder, CMAF and DASH tools write) keeps few or none of its samples in the
 * movie box: its duration is the {@code mehd} fragment duration when given, else the sum of the
 * track's sample durations in every {@code trun} (with the defaults of {@code tfhd} and {@code
 * trex}), and its frame rate the track's sample count over that sum.
 */
final class MovieBoxes {

  private MovieBoxes() {}

  /** Whether the file is fragmented: its movie box has a movie-extends box ({@code mvex}). */
  static boolean fragmented(IsoBoxes boxes) {
    return boxes.top("moov").flatMap(moov -> boxes.child(moov, "mvex")).isPresent();
  }

  static MovieFacts read(IsoBoxes boxes) {
    Optional<IsoBox> moov = boxes.top("moov");
    if (moov.isEmpty()) {
      throw new UnreadableHeaderException("corrupt video: it has no movie header ('moov' box)");
    }
    Optional<IsoBox> mvhd = boxes.child(moov.get(), "mvhd");
    double movieSeconds = mvhd.map(box -> movieSeconds(boxes, box)).orElse(0.0);
    Optional<IsoBox> mvex = boxes.child(moov.get(), "mvex");
    for (IsoBox trak : boxes.children(moov.get())) {
      if (trak.type().equals("trak") && isVideo(boxes, trak)) {
        if (mvex.isPresent()) {
          long movieTimescale = mvhd.map(box -> timescale(boxes, box)).orElse(0L);
          return fragmentedTrack(boxes, trak, mvex.get(), movieTimescale);
        }
        return videoTrack(boxes, trak, movieSeconds);
      }
    }
    return new MovieFacts(0, 0, movieSeconds, 0);
  }


  private static long timescale(IsoBoxes boxes, IsoBox mvhdOrMdhd) {
    boolean wide = version(boxes, mvhdOrMdhd) == 1;
    return field32(boxes, mvhdOrMdhd, mvhdOrMdhd.contentStart() + 4 + (wide ? 16 : 8));
  }

  /**
   * A fragmented file's video track: size as in a plain file; samples of the movie box's own
   * {@code stts} (often none) plus those of every fragment of the track; duration from {@code
   * mehd} (in the movie's time scale) when it is there and not zero, else from the samples.
   */
  private static MovieFacts fragmentedTrack(
      IsoBoxes boxes, IsoBox trak, IsoBox mvex, long movieTimescale) {
    MovieFacts inMovieBox = videoTrack(boxes, trak, 0);
    IsoBox mdia = boxes.child(trak, "mdia").orElseThrow();
    long timescale = boxes.child(mdia, "mdhd").map(mdhd -> timescale(boxes, mdhd)).orElse(0L);
    long trackId = boxes.child(trak, "tkhd").map(tkhd -> trackId(boxes, tkhd)).orElse(-1L);
    long[] own =
        boxes.child(mdia, "minf")
            .flatMap(minf -> boxes.child(minf, "stbl"))
            .flatMap(stbl -> boxes.child(stbl, "stts"))
            .map(stts -> sampleTimes(boxes, stts))
            .orElse(new long[2]);
    long defaultDuration = 0;
    double mehdSeconds = 0;
    for (IsoBox box : boxes.children(mvex)) {
      if (box.type().equals("trex") && field32(boxes, box, box.contentStart() + 4) == trackId) {
        defaultDuration = field32(boxes, box, box.contentStart() + 12);
      } else if (box.type().equals("mehd") && movieTimescale > 0) {
        long duration =
            version(boxes, box) == 1
                ? field64(boxes, box, box.contentStart() + 4)
                : field32(boxes, box, box.contentStart() + 4);
        mehdSeconds = (double) duration / movieTimescale;
      }
    }
    long count = own[0];
    long total = own[1];
    for (IsoBox moof : boxes.topLevel()) {
      if (!moof.type().equals("moof")) {
        continue;
      }
      for (IsoBox traf : boxes.children(moof)) {
        if (traf.type().equals("traf")) {
          long[] samples = fragmentSamples(boxes, traf, trackId, defaultDuration);
          count += samples[0];
          total += samples[1];
        }
      }
    }
    double sampleSeconds = timescale == 0 ? 0 : (double) total / timescale;
    double seconds = mehdSeconds > 0 ? mehdSeconds : sampleSeconds;
    double fps = sampleSeconds > 0 ? count / sampleSeconds : 0;
    return new MovieFacts(inMovieBox.width(), inMovieBox.height(), seconds, fps);
  }

  /** The track id of a track header ({@code tkhd}, version 0 or 1). */
  private static long trackId(IsoBoxes boxes, IsoBox tkhd) {
    return field32(boxes, tkhd, tkhd.contentStart() + 4 + (version(boxes, tkhd) == 1 ? 16 : 8));
  }

  /**
   * Sample count and the sum of sample durations of one track fragment, if it is of the track:
   * each {@code trun}'s own durations, else the {@code tfhd} default, else the {@code trex} one.
   */
  private static long[] fragmentSamples(
      IsoBoxes boxes, IsoBox traf, long trackId, long trexDefaultDuration) {
    Optional<IsoBox> tfhd = boxes.child(traf, "tfhd");
    if (tfhd.isEmpty()) {
      throw new UnreadableHeaderException(
          "corrupt video: a track fragment ('traf') has no header ('tfhd')");
    }
    IsoBox header = tfhd.get();
    int headerFlags = flags(boxes, header);
    if (field32(boxes, header, header.contentStart() + 4) != trackId) {
      return new long[2];
    }
    int at = header.contentStart() + 8;
    at += (headerFlags & 0x01) != 0 ? 8 : 0; // base-data-offset
    at += (headerFlags & 0x02) != 0 ? 4 : 0; // sample-description-index
    long defaultDuration =
        (headerFlags & 0x08) != 0 ? field32(boxes, header, at) : trexDefaultDuration;
    long count = 0;
    long total = 0;
    for (IsoBox trun : boxes.children(traf)) {
      if (!trun.type().equals("trun")) {
        continue;
      }
      int runFlags = flags(boxes, trun);
      long samples = field32(boxes, trun, trun.contentStart() + 4);
      int fieldsPerSample =
          Integer.bitCount(runFlags & 0xF00); // duration, size, flags, composition offset
      int sampleAt =
          trun.contentStart()
              + 8
              + ((runFlags & 0x001) != 0 ? 4 : 0)
              + ((runFlags & 0x004) != 0 ? 4 : 0);
      if (samples > (trun.end() - sampleAt) / Math.max(1, 4L * fieldsPerSample)
          && fieldsPerSample > 0) {
        throw new UnreadableHeaderException(
            "corrupt video: a 'trun' box lists more samples than it holds");
      }
      count += samples;
      if ((runFlags & 0x100) != 0) {
        for (long i = 0; i < samples; i++, sampleAt += 4 * fieldsPerSample) {
          total += boxes.u32(sampleAt);
        }
      } else {
        total += samples * defaultDuration;
      }
    }
    return new long[] {count, total};
  }

  private static int flags(IsoBoxes boxes, IsoBox box) {
    return (int) (field32(boxes, box, box.contentStart()) & 0xFFFFFF);
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

package io.kirincontract.mock.media.internal;

import com.drew.imaging.mp4.Mp4MetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.mp4.Mp4Directory;
import com.drew.metadata.mp4.media.Mp4VideoDirectory;
import java.io.ByteArrayInputStream;

/**
 * What metadata-extractor's MP4 reader (which also reads QuickTime files) gives: the movie duration
 * from {@code mvhd} ({@link Mp4Directory}) and, from the first video track ({@link
 * Mp4VideoDirectory}), the coded size of the sample description and the frame rate (samples over
 * track duration). Missing values are 0.
 */
final class Mp4MetadataFacts {

  private Mp4MetadataFacts() {}

  /**
   * Reads the facts; only call it on bytes whose box structure {@link IsoBoxes#checkStructure}
   * accepted.
   */
  static MovieFacts read(byte[] bytes) {
    Metadata metadata;
    try {
      metadata = Mp4MetadataReader.readMetadata(new ByteArrayInputStream(bytes));
    } catch (RuntimeException e) {
      return MovieFacts.NONE; // the box reader decides on its own
    }
    double seconds = 0;
    Mp4Directory movie = metadata.getFirstDirectoryOfType(Mp4Directory.class);
    if (movie != null) {
      long timescale = longOf(movie, Mp4Directory.TAG_TIME_SCALE);
      long duration = longOf(movie, Mp4Directory.TAG_DURATION);
      seconds = timescale > 0 ? (double) duration / timescale : 0;
    }
    Mp4VideoDirectory video = metadata.getFirstDirectoryOfType(Mp4VideoDirectory.class);
    if (video == null) {
      return new MovieFacts(0, 0, seconds, 0);
    }
    return new MovieFacts(
        (int) longOf(video, Mp4VideoDirectory.TAG_WIDTH),
        (int) longOf(video, Mp4VideoDirectory.TAG_HEIGHT),
        seconds,
        doubleOf(video, Mp4VideoDirectory.TAG_FRAME_RATE));
  }

  private static long longOf(Directory directory, int tag) {
    Long value = directory.getLongObject(tag);
    return value == null || value < 0 ? 0 : value;
  }

  private static double doubleOf(Directory directory, int tag) {
    Double value = directory.getDoubleObject(tag);
    return value == null || value.isNaN() || value.isInfinite() || value < 0 ? 0 : value;
  }
}

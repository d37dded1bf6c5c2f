package io.kirincontract.mock.media.internal;

import io.kirincontract.mock.media.Inspection.Inspected;
import io.kirincontract.mock.media.Inspection.Unreadable;
import io.kirincontract.mock.media.Inspection;
import io.kirincontract.mock.media.MediaSource;
import io.kirincontract.mock.media.VideoContainer;
import io.kirincontract.mock.media.VideoInfo;

/**
 * Reads a video's container, size, duration and frame rate from its boxes, without decoding
 * anything. The container comes from the {@code ftyp} brand; the numbers from metadata-extractor,
 * and from {@link MovieBoxes} for whatever metadata-extractor leaves out; of a fragmented file,
 * from {@link MovieBoxes} first, since the samples are in the fragments. Stateless and
 * thread-safe.
 */
final class VideoHeaderReader {

  Inspection<VideoInfo> read(byte[] bytes, MediaSource source) {
    try {
      VideoContainer container = IsoBrand.containerOf(bytes);
      IsoBoxes boxes = new IsoBoxes(bytes);
      boxes.checkStructure();
      MovieFacts facts;
      if (MovieBoxes.fragmented(boxes)) {
        // metadata-extractor reads only the movie box, which holds few or none of the samples
        facts = MovieBoxes.read(boxes).orElse(Mp4MetadataFacts.read(bytes));
      } else {
        facts = Mp4MetadataFacts.read(bytes);
        if (!facts.complete()) {
          facts = facts.orElse(MovieBoxes.read(boxes));
        }
      }
      return inspected(container, facts, bytes.length, source);
    } catch (UnreadableHeaderException e) {
      return new Unreadable<>(e.getMessage(), source);
    }
  }

  private static Inspection<VideoInfo> inspected(
      VideoContainer container, MovieFacts facts, long byteSize, MediaSource source) {
    if (facts.width() <= 0 || facts.height() <= 0) {
      return new Unreadable<>(container + " file without a video track", source);
    }
    if (facts.durationSeconds() <= 0) {
      return new Unreadable<>(container + " video without a duration in its headers", source);
    }
    if (facts.fps() <= 0) {
      return new Unreadable<>(
          container + " video whose frame rate cannot be read from its headers", source);
    }
    return new Inspected<>(
        new VideoInfo(
            container,
            facts.width(),
            facts.height(),
            facts.durationSeconds(),
            facts.fps(),
            byteSize),
        source);
  }
}

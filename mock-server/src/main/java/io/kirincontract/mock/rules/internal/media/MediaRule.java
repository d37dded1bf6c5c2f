package io.kirincontract.mock.rules.internal.media;

import io.kirincontract.mock.media.ImageInfo;
import io.kirincontract.mock.media.Inspection;
import io.kirincontract.mock.media.VideoInfo;
import io.kirincontract.mock.rules.internal.Finding;
import io.kirincontract.mock.rules.internal.Rule;
import io.kirincontract.mock.rules.internal.RuleContext;
import io.kirincontract.spec.RuleDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rule that looks at each media value its spec entry's {@code params} name and at what inspecting it found. Subclasses say what they
 * report for one inspection.
 */
abstract class MediaRule implements Rule {

  private final String id;
  private final MediaFields source;
  private final boolean video;

  /** A rule over the media values at its spec entry's {@code params}. */
  MediaRule(RuleDef def, boolean video) {
    this.id = def.id();
    this.source = MediaFields.of(def.params());
    this.video = video;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final boolean readsMedia() {
    return true;
  }

  @Override
  public final List<Finding> check(RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (MediaParam media : source.values(context.request())) {
      Inspection<?> inspection = video ? context.media().video(media) : context.media().image(media);
      judge(media.param(), inspection).map(message -> new Finding(media.param(), message)).ifPresent(findings::add);
    }
    return findings;
  }

  /** The message for this value, or empty when the value keeps the rule. */
  abstract Optional<String> judge(String param, Inspection<?> inspection);

  static Optional<ImageInfo> image(Inspection<?> inspection) {
    return inspection instanceof Inspection.Inspected<?> inspected && inspected.info() instanceof ImageInfo info
        ? Optional.of(info)
        : Optional.empty();
  }

  static Optional<VideoInfo> video(Inspection<?> inspection) {
    return inspection instanceof Inspection.Inspected<?> inspected && inspected.info() instanceof VideoInfo info
        ? Optional.of(info)
        : Optional.empty();
  }

  /**
   * A size limit in the documents' words with the exact bytes: {@code 10 MB (10,485,760 bytes)}. The documents'
   * "MB" is 1,048,576 bytes (DESIGN §3).
   */
  static String documentSize(long bytes) {
    double megabytes = bytes / (1024.0 * 1024.0);
    String amount =
        bytes % (1024 * 1024) == 0
            ? String.valueOf(bytes / (1024 * 1024))
            : String.format(java.util.Locale.ROOT, "%.1f", megabytes);
    return amount + " MB (" + String.format(java.util.Locale.ROOT, "%,d", bytes) + " bytes)";
  }

  /**
   * What is known of a file over its limit: its exact size when it was declared or decoded, else (a download cut at
   * the limit, an endless one) only that it is more than the limit.
   */
  static String sizeOver(long seenBytes, long limitBytes) {
    return seenBytes < 0
        ? "more than " + documentSize(limitBytes)
        : String.format(java.util.Locale.ROOT, "%,d bytes", seenBytes);
  }
}

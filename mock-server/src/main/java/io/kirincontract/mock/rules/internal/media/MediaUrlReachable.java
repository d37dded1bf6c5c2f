package io.kirincontract.mock.rules.internal.media;

import io.kirincontract.mock.media.Inspection;
import io.kirincontract.spec.RuleDef;
import java.util.Optional;

/**
 * {@code *.image.url-reachable} and {@code o1.video.url-reachable}: the URL can be fetched. A {@code mode: strict}
 * rule: the engine makes a finding a warning or a rejection by the media policy.
 */
public final class MediaUrlReachable extends MediaRule {

  private MediaUrlReachable(RuleDef def, boolean video) {
    super(def, video);
  }

  public static MediaUrlReachable images(RuleDef def) {
    return new MediaUrlReachable(def, false);
  }

  public static MediaUrlReachable videos(RuleDef def) {
    return new MediaUrlReachable(def, true);
  }

  @Override
  Optional<String> judge(String param, Inspection<?> inspection) {
    if (inspection instanceof Inspection.Unreachable<?> unreachable) {
      return Optional.of(
          param + " could not be fetched (" + unreachable.reason() + "), so the file was not checked");
    }
    return Optional.empty();
  }
}

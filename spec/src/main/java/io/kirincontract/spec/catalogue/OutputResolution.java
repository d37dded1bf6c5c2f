package io.kirincontract.spec.catalogue;

import io.kirincontract.spec.ModelProfile;
import java.util.stream.Collectors;

/**
 * A model's output as its profile ({@code x-kirin-profile.output}) states it: {@code `std` 720p, `pro` 1080p, 24 fps}
 * for a model with modes, {@code 1080p at 24 fps} for a model with one.
 */
final class OutputResolution {

  private OutputResolution() {}

  static String of(ModelProfile profile) {
    ModelProfile.Output output = profile.output();
    if (output.resolutions().size() == 1) {
      return output.resolutions().values().iterator().next() + " at " + output.fps() + " fps";
    }
    return output.resolutions().entrySet().stream()
            .map(mode -> Markdown.code(mode.getKey()) + " " + mode.getValue())
            .collect(Collectors.joining(", "))
        + ", " + output.fps() + " fps";
  }
}

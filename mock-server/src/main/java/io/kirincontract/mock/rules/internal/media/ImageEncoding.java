package io.kirincontract.mock.rules.internal.media;

import io.kirincontract.mock.media.Inspection;
import io.kirincontract.spec.RuleDef;
import java.util.Optional;

/** {@code *.image.encoding}: an image is an http(s) URL or plain base64 without a {@code data:} prefix. */
public final class ImageEncoding extends MediaRule {

  public ImageEncoding(RuleDef def) {
    super(def, false);
  }

  @Override
  Optional<String> judge(String param, Inspection<?> inspection) {
    if (inspection instanceof Inspection.Malformed<?> malformed) {
      return Optional.of(
          param + " is neither an http(s) URL nor plain base64 (" + malformed.reason() + "); send a URL, or the"
              + " base64 data alone, without any data:...;base64, prefix");
    }
    return Optional.empty();
  }
}

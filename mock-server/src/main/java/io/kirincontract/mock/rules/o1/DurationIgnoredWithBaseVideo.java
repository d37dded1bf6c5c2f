package io.kirincontract.mock.rules.o1;

import io.kirincontract.mock.rules.Finding;
import io.kirincontract.mock.rules.Rule;
import io.kirincontract.mock.rules.RuleContext;
import io.kirincontract.mock.rules.TaskKinds;
import java.util.List;

/** {@code o1.duration.ignored-with-base-video}: a video to edit sets the output duration. */
public final class DurationIgnoredWithBaseVideo implements Rule {

  @Override
  public String id() {
    return "o1.duration.ignored-with-base-video";
  }

  @Override
  public List<Finding> check(RuleContext context) {
    if (context.request().has("duration") && TaskKinds.baseVideo(context.request()) >= 0) {
      return List.of(
          new Finding("duration", "duration is ignored with a video to edit; the output takes the input's duration"));
    }
    return List.of();
  }
}

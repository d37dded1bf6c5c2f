package io.kirincontract.mock.rules.internal.o1;

import io.kirincontract.mock.rules.internal.Finding;
import io.kirincontract.mock.rules.internal.Rule;
import io.kirincontract.mock.rules.internal.RuleContext;
import io.kirincontract.mock.rules.internal.TaskKinds;
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

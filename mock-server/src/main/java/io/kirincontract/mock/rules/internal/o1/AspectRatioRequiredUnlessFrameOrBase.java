package io.kirincontract.mock.rules.internal.o1;

import io.kirincontract.mock.rules.internal.Finding;
import io.kirincontract.mock.rules.internal.Rule;
import io.kirincontract.mock.rules.internal.RuleContext;
import io.kirincontract.mock.rules.internal.TaskKinds;
import java.util.List;

/** {@code o1.aspect-ratio.required-unless-frame-or-base}: O1 has no default aspect ratio. */
public final class AspectRatioRequiredUnlessFrameOrBase implements Rule {

  @Override
  public String id() {
    return "o1.aspect-ratio.required-unless-frame-or-base";
  }

  @Override
  public List<Finding> check(RuleContext context) {
    boolean firstFrame = !O1Request.framesOfType(context.request(), O1Request.FIRST_FRAME).isEmpty();
    if (context.request().has("aspect_ratio") || firstFrame || TaskKinds.baseVideo(context.request()) >= 0) {
      return List.of();
    }
    return List.of(
        new Finding(
            "aspect_ratio",
            "aspect_ratio is required (\"16:9\", \"9:16\" or \"1:1\") unless image_list has a first_frame image"
                + " or video_list has a video to edit"));
  }
}

package io.kirincontract.mock.rules.internal.o1;

import io.kirincontract.mock.rules.internal.Finding;
import io.kirincontract.mock.rules.internal.Rule;
import io.kirincontract.mock.rules.internal.RuleContext;
import io.kirincontract.mock.rules.internal.TaskKinds;
import java.util.List;

/** {@code o1.frames.not-with-base-video}: no first or end frame with a video to edit. */
public final class FramesNotWithBaseVideo implements Rule {

  @Override
  public String id() {
    return "o1.frames.not-with-base-video";
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Integer> frames = O1Request.frames(context.request());
    int base = TaskKinds.baseVideo(context.request());
    if (frames.isEmpty() || base < 0) {
      return List.of();
    }
    String param = O1Request.typeParam(frames.get(0));
    return List.of(
        new Finding(
            param,
            param + " sets a frame, but video_list[" + base + "] is a video to edit (refer_type base, the default);"
                + " frames cannot be used with video editing: drop the frame type or use refer_type feature"));
  }
}

package io.kirincontract.mock.rules.internal;

import io.kirincontract.spec.ModelProfile;
import io.kirincontract.spec.ModelProfile.TaskKind;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A request's duration is one its task kind takes, when the model's profile gives the kind a narrower set than the
 * schema's {@code duration} enum (for {@code kirin_video_o1}: {@code o1.duration.five-or-ten-for-text-and-frames}).
 */
final class DurationForTaskKind implements Rule {

  private final String id;

  public DurationForTaskKind(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Finding> check(RuleContext context) {
    ModelProfile profile = context.profile();
    TaskKind kind = TaskKinds.of(profile, context.request());
    if (kind.durations().isEmpty() || kind.durationFromInput()) {
      return List.of();
    }
    return context.request().textOrDefault("duration")
        .filter(duration -> !kind.durations().contains(duration))
        .map(duration -> List.of(new Finding("duration", message(profile, kind, duration))))
        .orElse(List.of());
  }

  private static String message(ModelProfile profile, TaskKind kind, String duration) {
    String allowed = kind.durations().stream().map(d -> "\"" + d + "\"").collect(Collectors.joining(" or "));
    String others =
        profile.taskKinds().stream()
            .filter(other -> !other.durationFromInput() && other.durations().isEmpty())
            .map(TaskKinds::words)
            .collect(Collectors.joining(" or "));
    return "duration is \"" + duration + "\" but " + TaskKinds.words(kind) + " takes only " + allowed
        + (others.isEmpty() ? "" : "; other durations need " + others);
  }
}

package io.kirincontract.mock.control;

import io.kirincontract.mock.tasks.TaskStatus;
import io.kirincontract.mock.tasks.internal.ModelCodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How one task should go, instead of the default (complete after the default time): fail with a code at the end of
 * a stage, be held in a status until released, and/or take a given time from creation to the end. Comes from the
 * {@code X-Kirin-Mock-Scenario} header ({@link ScenarioHeader}), from an admin rule ({@code ScenarioRules}) or the
 * Java API. Any part may be absent ({@code null}).
 *
 * @param fail how the task fails, or {@code null} to complete
 * @param hold the status ({@code QUEUED} or {@code PROCESSING}) the task stays in until released, or {@code null}
 * @param duration the time from creation to completion or failure (mock time), or {@code null} for the default
 */
public record Scenario(Failure fail, TaskStatus hold, Duration duration) {

  /** Longest {@code duration}: one day. */
  public static final Duration MAX_DURATION = Duration.ofDays(1);

  /** The default course: complete after the default time. */
  public static final Scenario NONE = new Scenario(null, null, null);

  /**
   * A failure.
   *
   * @param code a generation-failure code of the task's model, or {@code null} for the model's first one
   * @param stage {@code QUEUED} (fail instead of starting to process) or {@code PROCESSING} (fail instead of
   *     completing)
   */
  public record Failure(String code, TaskStatus stage) {
    public Failure {
      if (stage != TaskStatus.QUEUED && stage != TaskStatus.PROCESSING) {
        throw new InvalidControlException(
            "a task fails at queued or processing, not " + (stage == null ? "nothing" : stage.wireName()), "stage");
      }
    }
  }

  public Scenario {
    if (hold != null && hold != TaskStatus.QUEUED && hold != TaskStatus.PROCESSING) {
      throw new InvalidControlException("a task is held in queued or processing, not " + hold.wireName(), "hold");
    }
    if (duration != null && (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0)) {
      throw new InvalidControlException(
          "duration must be more than 0 and at most " + MAX_DURATION + ", not " + duration, "duration");
    }
    if (hold == TaskStatus.PROCESSING && fail != null && fail.stage() == TaskStatus.QUEUED) {
      throw new InvalidControlException(
          "hold=processing cannot happen with a failure at queued: the task never reaches processing", "hold");
    }
  }

  public static Scenario failing(String code, TaskStatus stage) {
    return new Scenario(new Failure(code, stage), null, null);
  }

  public static Scenario holding(TaskStatus status) {
    return new Scenario(null, status, null);
  }

  public static Scenario taking(Duration duration) {
    return new Scenario(null, null, duration);
  }

  public boolean isNone() {
    return fail == null && hold == null && duration == null;
  }

  /**
   * This scenario for a task of {@code model}: the failure code checked against the model's generation-failure
   * codes (the first one filled in when none was given).
   *
   * @param param what to name in the error (the header, or a field)
   * @throws InvalidControlException when the code is not one of the model's generation-failure codes
   */
  public Scenario forModel(String model, ModelCodes codes, String param) {
    if (fail == null) {
      return this;
    }
    if (fail.code() == null) {
      return new Scenario(new Failure(codes.defaultFailure(model), fail.stage()), hold, duration);
    }
    if (!codes.isGenerationCode(model, fail.code())) {
      throw new InvalidControlException(
          fail.code()
              + " is not a generation-failure code of "
              + model
              + "; use one of "
              + String.join(", ", codes.generationCodes(model)),
          param);
    }
    return new Scenario(new Failure(codes.canonical(fail.code()), fail.stage()), hold, duration);
  }

  /** In header form: {@code fail=002015095@processing; hold=queued; duration=PT20S}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (fail != null) {
      parts.add("fail=" + (fail.code() == null ? "default" : fail.code()) + "@" + fail.stage().wireName());
    }
    if (hold != null) {
      parts.add("hold=" + hold.wireName());
    }
    if (duration != null) {
      parts.add("duration=" + duration);
    }
    return parts.isEmpty() ? "none" : String.join("; ", parts);
  }
}

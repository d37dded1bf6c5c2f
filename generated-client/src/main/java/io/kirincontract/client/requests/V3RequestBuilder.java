package io.kirincontract.client.requests;

import io.kirincontract.client.model.MultiPromptShot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What both V3 models ({@code kirin_v3_t2v}, {@code kirin_v3_i2v}) have: prompt or multi-shot, negative
 * prompt, sound and mode.
 *
 * @param <B> the concrete builder
 */
public abstract class V3RequestBuilder<B extends V3RequestBuilder<B>> extends RequestBuilder<B> {

  String prompt;
  String negativePrompt;
  Boolean multiShot;
  ShotType shotType;
  final List<MultiPromptShot> shots = new ArrayList<>();
  Boolean sound;
  Mode mode;

  V3RequestBuilder() {}

  /** The prompt (its length limit is the spec's); required unless {@code multi_shot} is true (then it is ignored). */
  public B prompt(String prompt) {
    this.prompt = Objects.requireNonNull(prompt, "prompt");
    return self();
  }

  /** What must not appear (its length limit is the spec's, on the generated request class). */
  public B negativePrompt(String negativePrompt) {
    this.negativePrompt = Objects.requireNonNull(negativePrompt, "negativePrompt");
    return self();
  }

  /** {@code multi_shot}: whether to generate a multi-shot video (then {@code shot_type} is required). */
  public B multiShot(boolean multiShot) {
    this.multiShot = multiShot;
    return self();
  }

  /** {@code shot_type}, required with {@code multi_shot}. */
  public B shotType(ShotType shotType) {
    this.shotType = Objects.requireNonNull(shotType, "shotType");
    return self();
  }

  /** Appends a shot to {@code multi_prompt} (as many shots as the spec's {@code multi_prompt} allows, their durations adding up to the task's duration). */
  public B addShot(int index, String prompt, Duration duration) {
    return addShot(index, prompt, seconds(duration, "shot duration"));
  }

  /** Appends a shot to {@code multi_prompt}, its duration in seconds as on the wire ({@code "3"}). */
  public B addShot(int index, String prompt, String duration) {
    shots.add(shot(index, prompt, duration));
    return self();
  }

  /** Appends a copy of a generated shot to {@code multi_prompt}. */
  public B addShot(MultiPromptShot shot) {
    Objects.requireNonNull(shot, "shot");
    Objects.requireNonNull(shot.getIndex(), "shot index");
    return addShot(shot.getIndex(), shot.getPrompt(), shot.getDuration());
  }

  /** {@code sound}: {@code "on"} or {@code "off"}. */
  public B sound(boolean on) {
    this.sound = on;
    return self();
  }

  /**
   * {@code mode}. The output resolution of each: {@code profile().output().resolution(mode.value())}; the server's
   * default: {@code profile().defaultMode()}.
   */
  public B mode(Mode mode) {
    this.mode = Objects.requireNonNull(mode, "mode");
    return self();
  }

  static String onOff(Boolean on) {
    return on == null ? null : on ? "on" : "off";
  }

  static String value(Mode mode) {
    return mode == null ? null : mode.value();
  }

  static String value(ShotType shotType) {
    return shotType == null ? null : shotType.value();
  }
}

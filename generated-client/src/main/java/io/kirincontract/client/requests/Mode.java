package io.kirincontract.client.requests;

/**
 * Generation mode of the V3 and O1 models. The output resolution of a mode and the mode a model takes by default
 * are in its profile: {@code KirinModels.profile(id).output().resolution("pro")}, {@code defaultMode()} (see
 * {@link io.kirincontract.client.profiles.KirinModelProfile}).
 */
public enum Mode {
  /** Standard: the lower resolution, cost-effective. */
  STD("std"),
  /** Professional: the higher resolution, higher quality. */
  PRO("pro");

  private final String value;

  Mode(String value) {
    this.value = value;
  }

  /** The value on the wire. */
  public String value() {
    return value;
  }
}

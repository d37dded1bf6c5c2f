package io.kirincontract.client.requests;

/** Generation mode of the V3 and O1 models. */
public enum Mode {
  /** Standard: 720p, cost-effective. The default of the V3 models. */
  STD("std"),
  /** Professional: 1080p, higher quality. The default of {@code kirin_video_o1}. */
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

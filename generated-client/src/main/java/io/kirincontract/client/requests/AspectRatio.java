package io.kirincontract.client.requests;

/**
 * Aspect ratio (width:height) of {@code kirin_v3_t2v}, {@code kirin_video_o1} and {@code
 * kirin_v2_master_t2v}.
 */
public enum AspectRatio {
  RATIO_16_9("16:9"),
  RATIO_9_16("9:16"),
  RATIO_1_1("1:1");

  private final String value;

  AspectRatio(String value) {
    this.value = value;
  }

  /** The value on the wire. */
  public String value() {
    return value;
  }
}

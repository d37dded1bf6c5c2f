package io.kirincontract.client.requests;

/**
 * Aspect ratio (width:height) of the models whose request has one ({@code profile().has("aspect_ratio")}; the
 * default: {@code profile().defaultOf("aspect_ratio")}).
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

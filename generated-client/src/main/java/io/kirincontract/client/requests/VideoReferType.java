package io.kirincontract.client.requests;

/** What an O1 reference video is for. */
public enum VideoReferType {
  /** A feature reference video (camera movement, style). */
  FEATURE("feature"),
  /** The video to edit (the server's default when {@code refer_type} is absent). */
  BASE("base");

  private final String value;

  VideoReferType(String value) {
    this.value = value;
  }

  /** The value on the wire. */
  public String value() {
    return value;
  }
}

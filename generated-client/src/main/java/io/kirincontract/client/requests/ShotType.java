package io.kirincontract.client.requests;

/** Shot type of a V3 multi-shot video. */
public enum ShotType {
  /** The shots are listed in {@code multi_prompt}. */
  CUSTOMIZE("customize");

  private final String value;

  ShotType(String value) {
    this.value = value;
  }

  /** The value on the wire. */
  public String value() {
    return value;
  }
}

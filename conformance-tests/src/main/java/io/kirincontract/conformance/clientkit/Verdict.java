package io.kirincontract.conformance.clientkit;

/** The outcome of one check: {@code pass}, {@code fail}, or {@code not-exercised} (the run gave it nothing to judge). */
public enum Verdict {
  PASS("pass"),
  FAIL("fail"),
  NOT_EXERCISED("not-exercised");

  private final String id;

  Verdict(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The verdict of several judgements of one check: any fail fails, else any pass passes. */
  public static Verdict combine(Iterable<Verdict> verdicts) {
    Verdict result = NOT_EXERCISED;
    for (Verdict verdict : verdicts) {
      if (verdict == FAIL) {
        return FAIL;
      }
      if (verdict == PASS) {
        result = PASS;
      }
    }
    return result;
  }

  @Override
  public String toString() {
    return id;
  }
}

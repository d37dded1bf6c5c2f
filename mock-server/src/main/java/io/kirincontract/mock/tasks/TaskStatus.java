package io.kirincontract.mock.tasks;

import java.util.Locale;

/** A task's status; it only moves forward: queued, processing, then completed or failed. */
public enum TaskStatus {
  QUEUED,
  PROCESSING,
  COMPLETED,
  FAILED;

  /** As on the wire: {@code queued}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

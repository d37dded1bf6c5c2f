package io.kirincontract.mock.tasks;

import java.util.Locale;
import java.util.Optional;

/** A task's status; it only moves forward: queued, processing, then completed or failed. */
public enum TaskStatus {
  QUEUED,
  PROCESSING,
  COMPLETED,
  FAILED;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** As on the wire: {@code queued}. */
  public String wireName() {
    return wireName;
  }

  /** Completed or failed. */
  public boolean isFinal() {
    return this == COMPLETED || this == FAILED;
  }

  /** The status with this wire name. */
  public static Optional<TaskStatus> fromWire(String name) {
    for (TaskStatus status : values()) {
      if (status.wireName().equals(name)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}

package io.kirincontract.conformance.clientkit;

import java.util.Arrays;
import java.util.Optional;

/** The seven checks of the client conformance kit, by the ids DESIGN §6 fixes. */
public enum CheckId {
  RETRY_AFTER_HONOURED("retry-after-honoured", "no request of the key before Retry-After has passed"),
  NO_RETRY_ON_4XX("no-retry-on-4xx", "the refused body is never sent again unchanged"),
  SERVER_ERROR_RETRIED(
      "server-error-retried", "after a 5xx on create the client tried again and reached the task's end"),
  IDEMPOTENT_RETRY(
      "idempotent-retry", "exactly one task exists for the run (same external_task_id on retry, or a lookup)"),
  BOUNDED_RETRIES(
      "bounded-retries", "a bounded number of creates after consecutive failures, and the program exits non-zero"),
  POLL_INTERVAL("poll-interval", "polls of one task at least the interval apart (median), or backing off"),
  STOPS_AT_TERMINAL("stops-at-terminal", "no poll of a task after its final status was served");

  private final String id;
  private final String passesWhen;

  CheckId(String id, String passesWhen) {
    this.id = id;
    this.passesWhen = passesWhen;
  }

  /** The id in reports and on the command line, such as {@code retry-after-honoured}. */
  public String id() {
    return id;
  }

  /** When the check passes, in a sentence. */
  public String passesWhen() {
    return passesWhen;
  }

  public static Optional<CheckId> byId(String id) {
    return Arrays.stream(values()).filter(check -> check.id.equals(id)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}

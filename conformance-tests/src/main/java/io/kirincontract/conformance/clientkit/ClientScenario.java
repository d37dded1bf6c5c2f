package io.kirincontract.conformance.clientkit;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The scenarios of the client conformance kit (DESIGN §6): what the mock is armed with for the run's key, and the
 * checks that the run is graded on.
 */
public enum ClientScenario {
  HAPPY("happy", "a normal task of about 10 s", CheckId.POLL_INTERVAL, CheckId.STOPS_AT_TERMINAL),
  RATE_LIMITED(
      "rate-limited", "first create: 429, Retry-After: 2", CheckId.RETRY_AFTER_HONOURED, CheckId.BOUNDED_RETRIES),
  SERVER_ERROR("server-error", "first create: 503, no task", CheckId.SERVER_ERROR_RETRIED),
  LOST_ANSWER("lost-answer", "first create: task made, answer lost", CheckId.IDEMPOTENT_RETRY),
  BAD_REQUEST("bad-request", "first create: 400 with a rule id", CheckId.NO_RETRY_ON_4XX),
  ALWAYS_FAILING("always-failing", "every create: 503", CheckId.BOUNDED_RETRIES),
  TASK_FAILS("task-fails", "the task ends failed with a model code", CheckId.STOPS_AT_TERMINAL);

  /** The {@code Retry-After} of the {@code rate-limited} scenario's 429. */
  public static final Duration RATE_LIMIT_RETRY_AFTER = Duration.ofSeconds(2);

  private final String id;
  private final String armed;
  private final List<CheckId> checks;

  ClientScenario(String id, String armed, CheckId... checks) {
    this.id = id;
    this.armed = armed;
    this.checks = List.of(checks);
  }

  /** The id on the command line and in reports, such as {@code rate-limited}. */
  public String id() {
    return id;
  }

  /** What the mock does for the run's key, in words. */
  public String armed() {
    return armed;
  }

  /** The checks a run of this scenario is graded on. */
  public List<CheckId> checks() {
    return checks;
  }

  public static Optional<ClientScenario> byId(String id) {
    return Arrays.stream(values()).filter(scenario -> scenario.id.equals(id)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}

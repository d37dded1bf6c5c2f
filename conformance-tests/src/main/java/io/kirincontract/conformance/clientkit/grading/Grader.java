package io.kirincontract.conformance.clientkit.grading;

import io.kirincontract.conformance.clientkit.CheckId;
import io.kirincontract.conformance.clientkit.CheckResult;
import io.kirincontract.conformance.clientkit.Thresholds;

/** Grades one check on one run: a pure function of the run's record and the thresholds. */
public interface Grader {

  CheckResult grade(RunRecord run, Thresholds thresholds);

  /** The grader of a check. */
  static Grader of(CheckId check) {
    return switch (check) {
      case RETRY_AFTER_HONOURED -> new RetryAfterHonoured();
      case NO_RETRY_ON_4XX -> new NoRetryOn4xx();
      case SERVER_ERROR_RETRIED -> new ServerErrorRetried();
      case IDEMPOTENT_RETRY -> new IdempotentRetry();
      case BOUNDED_RETRIES -> new BoundedRetries();
      case POLL_INTERVAL -> new PollInterval();
      case STOPS_AT_TERMINAL -> new StopsAtTerminal();
    };
  }
}

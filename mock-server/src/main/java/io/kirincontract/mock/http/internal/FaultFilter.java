package io.kirincontract.mock.http.internal;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.kirincontract.mock.control.internal.FaultInjector;
import io.kirincontract.mock.problems.Problem;
import java.time.Duration;
import java.util.Map;

/**
 * Injects the configured HTTP faults into API requests, before anything else happens to them (authentication
 * included): the added latency (the request's thread waits, in real time), then, if drawn, a {@code 500} or {@code
 * 503} in the error envelope instead of the real answer, so no task is created.
 */
final class FaultFilter implements Handler {

  private final FaultInjector faults;

  FaultFilter(FaultInjector faults) {
    this.faults = faults;
  }

  @Override
  public void handle(Context ctx) {
    FaultInjector.Fault fault = faults.next();
    pause(fault.delay());
    if (fault.status() == 500) {
      throw new ApiException(Problem.of("internal_error", "internal error (injected by the mock's HTTP faults)"));
    }
    if (fault.status() == 503) {
      throw new ApiException(Problem.of(
              "service_unavailable",
              "the service is temporarily unavailable (injected by the mock's HTTP faults); retry after the"
                  + " Retry-After delay"),
          Map.of("Retry-After", "1"));
    }
  }

  /** Waits out an added latency on the request's thread (real time); also the stubs' delays. */
  static void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

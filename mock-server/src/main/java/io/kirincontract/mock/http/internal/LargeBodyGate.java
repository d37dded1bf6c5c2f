package io.kirincontract.mock.http.internal;

import io.kirincontract.mock.problems.Problem;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets a few creates with a large body (base64 media) be parsed and checked at once, the others waiting their turn
 * in arrival order. Parsing a 1 MB body costs milliseconds of CPU; sixty-four of them at once on two cores made every
 * one slower than a client's timeout, and the work done for a client that gave up was lost (1 MB creates at 64
 * connections fell to a few a second). Queued, they finish one after another at the rate the machine can parse. A
 * create that cannot enter within {@link #MAX_WAIT} is a {@code 503} with {@code Retry-After}.
 */
final class LargeBodyGate {

  /** A body over this many bytes goes through the gate: every body that carries media in base64, no other. */
  static final long LARGE = JettyHandlers.EAGER_BYTES;

  static final Duration MAX_WAIT = Duration.ofSeconds(30);

  /** Leaving the gate; a no-op for a body that did not need to enter. */
  interface Pass extends AutoCloseable {
    @Override
    void close();
  }

  private static final Pass NOT_ENTERED = () -> {};

  private final Semaphore permits;
  private final int size;
  private final Duration maxWait;

  LargeBodyGate(int size, Duration maxWait) {
    this.size = size;
    this.maxWait = maxWait;
    this.permits = new Semaphore(size, true);
  }

  /** As many at once as the machine has cores (at least two). */
  static LargeBodyGate forThisMachine() {
    return new LargeBodyGate(Math.max(2, Runtime.getRuntime().availableProcessors()), MAX_WAIT);
  }

  /** Enters for a body of {@code contentLength} bytes (-1: unknown, taken as large). */
  Pass enter(long contentLength) {
    if (contentLength >= 0 && contentLength <= LARGE) {
      return NOT_ENTERED;
    }
    try {
      if (!permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw busy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    }
    return permits::release;
  }

  private ApiException busy() {
    return new ApiException(
        Problem.of(
            "service_unavailable",
            "the mock is checking " + size + " requests with large bodies and " + permits.getQueueLength()
                + " more are waiting; retry later"),
        Map.of("Retry-After", "1"));
  }
}

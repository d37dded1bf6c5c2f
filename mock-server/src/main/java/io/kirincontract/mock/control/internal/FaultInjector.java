package io.kirincontract.mock.control.internal;

import io.kirincontract.mock.control.FaultSettings;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides the fault of each API request from the current {@link FaultSettings}: request number {@code n} (counted
 * from when the settings were set) is delayed when a draw from {@code (seed, n)} falls under the latency share, and
 * answered with the error status when another draw falls under the error share. The draws are a pure function of
 * seed and number, so a run is reproducible whatever the threads do. Thread-safe.
 */
public final class FaultInjector {

  /** What happens to one request: a delay (possibly zero), then an error status, or 0 to serve it normally. */
  public record Fault(Duration delay, int status) {
    static final Fault NONE = new Fault(Duration.ZERO, 0);

    public boolean fails() {
      return status != 0;
    }
  }

  private record State(FaultSettings settings, AtomicLong requests) {}

  private final FaultSettings configured;
  private volatile State state;

  public FaultInjector(FaultSettings configured) {
    this.configured = configured;
    this.state = new State(configured, new AtomicLong());
  }

  /** Takes new settings; request numbering starts again at 1. */
  public void set(FaultSettings settings) {
    state = new State(settings, new AtomicLong());
  }

  public FaultSettings settings() {
    return state.settings();
  }

  /** Back to the configured settings (reset). */
  public void reset() {
    set(configured);
  }

  /** The fault of the next API request. */
  public Fault next() {
    State current = state;
    FaultSettings settings = current.settings();
    if (settings.isNone()) {
      return Fault.NONE;
    }
    long n = current.requests().incrementAndGet();
    Duration delay = draw(settings.seed(), n, 1) < settings.latencyShare() ? settings.latency() : Duration.ZERO;
    int status = draw(settings.seed(), n, 2) < settings.errorShare() ? settings.errorStatus() : 0;
    return new Fault(delay, status);
  }

  /** A uniform draw in [0, 1) from seed, request number and purpose (SplitMix64 finalizer). */
  static double draw(long seed, long n, int purpose) {
    long z = seed + n * 0x9E3779B97F4A7C15L + purpose * 0xD1B54A32D192ED03L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (z >>> 11) * 0x1.0p-53;
  }
}

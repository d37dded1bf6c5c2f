package io.kirincontract.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A clock and a sleeper in one: sleeping records the duration and moves the clock on, at once. Tests read the
 * recorded sleeps instead of waiting; an optional hook runs on each sleep (to change the world meanwhile).
 */
final class ManualTime extends Clock implements Sleeper {

  static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

  private Instant now = START;
  private final List<Duration> sleeps = new ArrayList<>();
  private volatile Consumer<Duration> onSleep = duration -> {};

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("ManualTime is UTC only");
  }

  @Override
  public void sleep(Duration duration) {
    synchronized (this) {
      sleeps.add(duration);
      now = now.plus(duration);
    }
    onSleep.accept(duration);
  }

  @Override
  public CompletableFuture<Void> sleepAsync(Duration duration) {
    sleep(duration);
    return CompletableFuture.completedFuture(null);
  }

  /** The sleeps so far, in order. */
  synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** Runs {@code hook} on every sleep, after the clock moved. */
  void onSleep(Consumer<Duration> hook) {
    this.onSleep = hook;
  }
}

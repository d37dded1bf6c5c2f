package io.kirincontract.mock.callbacks;

import io.kirincontract.mock.EgressPolicy;
import io.kirincontract.mock.callbacks.internal.BackoffSchedule;
import io.kirincontract.mock.callbacks.internal.CallbackSigner;
import io.kirincontract.mock.callbacks.internal.DeliveryLog;
import io.kirincontract.mock.callbacks.internal.DeliveryOutcome;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable tuning of callback delivery. Start from {@link #defaults()} or {@link #builder()}; every field
 * has a default and is checked on construction.
 *
 * @param connectTimeout how long to wait for a TCP connection to the receiver (default 2 s)
 * @param responseTimeout the deadline of one attempt, over the whole exchange: connecting, sending, the
 *     response headers and the response body (read up to 64 KiB and discarded); an attempt still running then is
 *     cut off and counts as a timeout (default 5 s)
 * @param maxAttempts attempts per callback, the first one included (default 5); 1 means no retry
 * @param initialBackoff delay before the first retry, before jitter (default 500 ms)
 * @param backoffMultiplier factor between successive delays (default 2.0)
 * @param maxBackoff cap on the delay before jitter (default 30 s)
 * @param jitterRatio each delay is multiplied by a factor drawn uniformly from {@code [1 - r, 1 + r]}
 *     (default 0.2); 0 disables jitter. See {@link BackoffSchedule}.
 * @param randomSeed seed of the jitter, so that retry schedules are reproducible (default 0)
 * @param maxInFlight HTTP attempts under way at once, over all tasks (default 64), and the size of the sender
 *     thread pool; further attempts wait their turn without blocking anyone
 * @param logCapacity attempts kept in the {@link DeliveryLog} (default 100,000); the oldest are dropped first
 * @param workerThreads threads that take callbacks over from {@code enqueue} and run the HTTP client's
 *     internal tasks (default: number of processors, at least 2)
 * @param shutdownTimeout how long the dispatcher's {@code close()} goes on delivering what is pending
 *     (default 5 s)
 * @param maxInFlightPerReceiver attempts under way at once to one receiver ({@code host:port} of the URL), so that
 *     slow receivers cannot take every slot; 0 (the default) for a quarter of {@code maxInFlight}, at least 1
 * @param maxInFlightPerKey attempts under way at once for the tasks of one API key; 0 (the default) for half of
 *     {@code maxInFlight}, at least 1 (more than one receiver's share, so that a key's own slow receiver does not
 *     hold up its other receivers)
 * @param egress the hosts callbacks may go to; a refused URL is logged as {@link DeliveryOutcome#BLOCKED}, never
 *     attempted (default {@link EgressPolicy#loopback()}; in a mock server {@code MockConfig.egress} sets it)
 * @param signer signs each attempt with {@code X-Kirin-Signature}, or {@code null} for unsigned callbacks (the
 *     default; in a mock server {@code MockConfig.callbackSecret} sets it)
 */
public record CallbackSettings(
    Duration connectTimeout,
    Duration responseTimeout,
    int maxAttempts,
    Duration initialBackoff,
    double backoffMultiplier,
    Duration maxBackoff,
    double jitterRatio,
    long randomSeed,
    int maxInFlight,
    int logCapacity,
    int workerThreads,
    Duration shutdownTimeout,
    int maxInFlightPerReceiver,
    int maxInFlightPerKey,
    EgressPolicy egress,
    CallbackSigner signer) {

  /** Checks every field; see the class description for the allowed values. */
  public CallbackSettings {
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(responseTimeout, "responseTimeout");
    requireNonNegative(initialBackoff, "initialBackoff");
    requireNonNegative(maxBackoff, "maxBackoff");
    requireNonNegative(shutdownTimeout, "shutdownTimeout");
    requireAtLeastOne(maxAttempts, "maxAttempts");
    requireAtLeastOne(maxInFlight, "maxInFlight");
    requireAtLeastOne(logCapacity, "logCapacity");
    requireAtLeastOne(workerThreads, "workerThreads");
    requireNotNegative(maxInFlightPerReceiver, "maxInFlightPerReceiver");
    requireNotNegative(maxInFlightPerKey, "maxInFlightPerKey");
    Objects.requireNonNull(egress, "egress");
    if (!(backoffMultiplier >= 1.0) || Double.isInfinite(backoffMultiplier)) {
      throw new IllegalArgumentException(
          "backoffMultiplier must be a finite number >= 1, was " + backoffMultiplier);
    }
    if (!(jitterRatio >= 0.0 && jitterRatio <= 1.0)) {
      throw new IllegalArgumentException("jitterRatio must be within [0, 1], was " + jitterRatio);
    }
  }

  /** The documented defaults. */
  public static CallbackSettings defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    return new Builder()
        .connectTimeout(connectTimeout)
        .responseTimeout(responseTimeout)
        .maxAttempts(maxAttempts)
        .initialBackoff(initialBackoff)
        .backoffMultiplier(backoffMultiplier)
        .maxBackoff(maxBackoff)
        .jitterRatio(jitterRatio)
        .randomSeed(randomSeed)
        .maxInFlight(maxInFlight)
        .logCapacity(logCapacity)
        .workerThreads(workerThreads)
        .shutdownTimeout(shutdownTimeout)
        .maxInFlightPerReceiver(maxInFlightPerReceiver)
        .maxInFlightPerKey(maxInFlightPerKey)
        .egress(egress)
        .signer(signer);
  }

  /** Attempts under way at once to one receiver: the value given, or a quarter of {@code maxInFlight}. */
  @Override
  public int maxInFlightPerReceiver() {
    return maxInFlightPerReceiver > 0 ? maxInFlightPerReceiver : fairShare(maxInFlight);
  }

  /** Attempts under way at once for one key: the value given, or half of {@code maxInFlight}. */
  @Override
  public int maxInFlightPerKey() {
    return maxInFlightPerKey > 0 ? maxInFlightPerKey : Math.max(1, maxInFlight / 2);
  }

  /** A quarter of the slots, at least one: the default share of one receiver. */
  static int fairShare(int maxInFlight) {
    return Math.max(1, maxInFlight / 4);
  }

  private static void requireNotNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be 0 (the default share) or more, was " + value);
    }
  }

  /** The retry schedule these settings describe. */
  public BackoffSchedule backoffSchedule() {
    return new BackoffSchedule(initialBackoff, backoffMultiplier, maxBackoff, jitterRatio, randomSeed);
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  private static void requireNonNegative(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
  }

  private static void requireAtLeastOne(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }

  /** Mutable builder; starts with the defaults. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration responseTimeout = Duration.ofSeconds(5);
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofMillis(500);
    private double backoffMultiplier = 2.0;
    private Duration maxBackoff = Duration.ofSeconds(30);
    private double jitterRatio = 0.2;
    private long randomSeed = 0L;
    private int maxInFlight = 64;
    private int logCapacity = 100_000;
    private int workerThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
    private Duration shutdownTimeout = Duration.ofSeconds(5);
    private int maxInFlightPerReceiver;
    private int maxInFlightPerKey;
    private EgressPolicy egress = EgressPolicy.loopback();
    private CallbackSigner signer;

    private Builder() {}

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = value;
      return this;
    }

    public Builder responseTimeout(Duration value) {
      this.responseTimeout = value;
      return this;
    }

    public Builder maxAttempts(int value) {
      this.maxAttempts = value;
      return this;
    }

    public Builder initialBackoff(Duration value) {
      this.initialBackoff = value;
      return this;
    }

    public Builder backoffMultiplier(double value) {
      this.backoffMultiplier = value;
      return this;
    }

    public Builder maxBackoff(Duration value) {
      this.maxBackoff = value;
      return this;
    }

    public Builder jitterRatio(double value) {
      this.jitterRatio = value;
      return this;
    }

    public Builder randomSeed(long value) {
      this.randomSeed = value;
      return this;
    }

    public Builder maxInFlight(int value) {
      this.maxInFlight = value;
      return this;
    }

    public Builder logCapacity(int value) {
      this.logCapacity = value;
      return this;
    }

    public Builder workerThreads(int value) {
      this.workerThreads = value;
      return this;
    }

    public Builder shutdownTimeout(Duration value) {
      this.shutdownTimeout = value;
      return this;
    }

    /** Attempts under way at once to one {@code host:port}; 0 (the default) for a quarter of {@code maxInFlight}. */
    public Builder maxInFlightPerReceiver(int value) {
      this.maxInFlightPerReceiver = value;
      return this;
    }

    /** Attempts under way at once for one API key's tasks; 0 (the default) for half of {@code maxInFlight}. */
    public Builder maxInFlightPerKey(int value) {
      this.maxInFlightPerKey = value;
      return this;
    }

    /** The hosts callbacks may go to (loopback by default). */
    public Builder egress(EgressPolicy value) {
      this.egress = value;
      return this;
    }

    /** Signs every attempt; {@code null} (the default) for unsigned callbacks. */
    public Builder signer(CallbackSigner value) {
      this.signer = value;
      return this;
    }

    /** Builds and checks the settings. */
    public CallbackSettings build() {
      return new CallbackSettings(
          connectTimeout,
          responseTimeout,
          maxAttempts,
          initialBackoff,
          backoffMultiplier,
          maxBackoff,
          jitterRatio,
          randomSeed,
          maxInFlight,
          logCapacity,
          workerThreads,
          shutdownTimeout,
          maxInFlightPerReceiver,
          maxInFlightPerKey,
          egress,
          signer);
    }
  }
}

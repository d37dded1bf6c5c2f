package io.kirincontract.mock.callbacks.internal;

import io.kirincontract.mock.callbacks.CallbackSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers task callbacks: POSTs a task's JSON to its {@code callback_url} on every status change.
 *
 * <ul>
 *   <li><b>Never blocks, never throws.</b> {@link #enqueue} only records the callback and hands it to the
 *       dispatcher's own threads; a bad argument or a closed dispatcher is counted as rejected and logged,
 *       not thrown.
 *   <li><b>Egress.</b> A URL that {@link CallbackSettings#egress()} refuses is never attempted (no DNS lookup,
 *       no connection): it is logged once as {@link DeliveryOutcome#BLOCKED}, with the reason, and not retried.
 *   <li><b>HTTP.</b> One shared {@link java.net.http.HttpClient} (HTTP/1.1, keep-alive) sends {@code POST}
 *       with {@code Content-Type: application/json}, {@code User-Agent: kirin-mock}, the headers of {@link
 *       CallbackHeaders} and, with a {@link CallbackSettings#signer()}, {@link CallbackSigner#HEADER}. One
 *       deadline covers each attempt's whole exchange, body included (see {@link HttpCallbackTransport}).
 *   <li><b>Fair shares.</b> At most {@link CallbackSettings#maxInFlight()} attempts are under way at once, each
 *       on a reused thread of a fixed sender pool of that size; one receiver ({@code host:port}) holds at most
 *       {@link CallbackSettings#maxInFlightPerReceiver()} of them and one key at most {@link
 *       CallbackSettings#maxInFlightPerKey()}. Receivers and keys take turns for free slots (see {@link
 *       InFlightLimiter}), so a stalled receiver or a busy key does not hold up the others.
 *   <li><b>Retries.</b> A 2xx answer ends delivery. Any other answer, a connection error or a timeout is
 *       retried after the {@link BackoffSchedule} delay, up to {@link CallbackSettings#maxAttempts()}
 *       attempts in all; then the callback is given up. Retries are timers on a scheduler; no thread sleeps.
 *       An unusable URL (not http/https) is given up at once.
 *   <li><b>Order.</b> Callbacks of one task (per tenant and task id) are delivered in {@code enqueue} order:
 *       a later status is not sent before the earlier one is delivered or given up. Different tasks proceed
 *       concurrently.
 *   <li><b>Log.</b> Every attempt lands in the bounded {@link #log()}; {@link #stats()} and {@link
 *       #awaitIdle} serve tests and benchmarks.
 *   <li><b>Close.</b> {@link #close()} stops accepting and drains: for up to {@link
 *       CallbackSettings#shutdownTimeout()} it goes on delivering what is queued (a failed attempt is no longer
 *       retried, a callback waiting for a retry is dropped), then drops what is left, logs each dropped callback
 *       as {@link DeliveryOutcome#DROPPED} in the delivery log and in one warning, and stops its threads. {@link
 *       #abandon()} (a reset) drops everything queued at once.
 * </ul>
 *
 * <p>Times in the log ({@link DeliveryAttempt#startedAt()}, {@link DeliveryAttempt#durationMillis()}) come
 * from the injected {@link Clock}; retry delays and timeouts are real time.
 */
public final class CallbackDispatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CallbackDispatcher.class);

  private final CallbackSettings settings;
  private final Clock clock;
  private final BackoffSchedule backoff;
  private final DeliveryLog log;
  private final CallbackCounters counters = new CallbackCounters();
  private final TaskLanes lanes = new TaskLanes();
  private final InFlightLimiter limiter;
  private final ExecutorService workers;
  private final ExecutorService senders;
  private final ScheduledExecutorService timers;
  private final CallbackTransport transport;
  private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);
  /** Callbacks whose retry timer is set; dropped at once when closing. */
  private final Set<PendingCallback> awaitingRetry = ConcurrentHashMap.newKeySet();
  /** Receivers already warned about as blocked (later ones are logged at debug). */
  private final Set<String> warnedBlocked = ConcurrentHashMap.newKeySet();

  /** Accepting; draining (closing, still delivering what is queued); closed. */
  private enum State {
    OPEN,
    DRAINING,
    CLOSED
  }

  /** Makes the transport from the dispatcher's executors (a fake in tests). */
  @FunctionalInterface
  interface TransportFactory {
    CallbackTransport create(
        CallbackSettings settings,
        ExecutorService clientExecutor,
        ExecutorService senders,
        ScheduledExecutorService timers);
  }

  /** A dispatcher with the system UTC clock. */
  public CallbackDispatcher(CallbackSettings settings) {
    this(settings, Clock.systemUTC());
  }

  /**
   * A dispatcher whose log reads time from {@code clock}; signatures ({@link CallbackSettings#signer()}) take their
   * {@code t} from it too.
   */
  public CallbackDispatcher(CallbackSettings settings, Clock clock) {
    this(settings, clock, HttpCallbackTransport::new);
  }

  CallbackDispatcher(CallbackSettings settings, Clock clock, TransportFactory transports) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.backoff = settings.backoffSchedule();
    this.log = new DeliveryLog(settings.logCapacity());
    this.limiter =
        new InFlightLimiter(
            settings.maxInFlight(), settings.maxInFlightPerReceiver(), settings.maxInFlightPerKey());
    this.workers =
        Executors.newFixedThreadPool(settings.workerThreads(), new CallbackThreads("kirin-callback-worker"));
    this.senders =
        Executors.newFixedThreadPool(settings.maxInFlight(), new CallbackThreads("kirin-callback-http"));
    this.timers = Executors.newSingleThreadScheduledExecutor(new CallbackThreads("kirin-callback-timer"));
    this.transport = transports.create(settings, workers, senders, timers);
  }

  /**
   * Queues a callback: {@code body} is POSTed to {@code url} as soon as the earlier callbacks of the same
   * task are finished. Returns at once and never throws; refused calls (after {@link #close()}, or with a
   * {@code null} argument) are counted in {@link CallbackStats#rejected()}. The body is copied.
   */
  public void enqueue(String tenant, String taskId, String status, URI url, byte[] body) {
    if (state.get() != State.OPEN) {
      counters.rejected();
      LOG.debug("callback for task {} ({}) refused: dispatcher closed", taskId, status);
      return;
    }
    PendingCallback callback;
    try {
      callback = new PendingCallback(tenant, taskId, status, url, body);
    } catch (RuntimeException e) {
      counters.rejected();
      LOG.warn("callback for task {} ({}) refused: {} is missing", taskId, status, e.getMessage());
      return;
    }
    counters.enqueued();
    try {
      if (lanes.offer(callback)) {
        workers.execute(() -> launch(callback, 1));
      }
    } catch (RejectedExecutionException e) {
      drop(callback, "the dispatcher closed"); // closed concurrently
    }
  }

  /** The attempts made so far (bounded; see {@link DeliveryLog}). */
  public DeliveryLog log() {
    return log;
  }

  /** A snapshot of the counters. */
  public CallbackStats stats() {
    return counters.snapshot(limiter::inFlight);
  }

  /**
   * Waits until every accepted callback is delivered, given up or dropped. Returns false if that did not
   * happen within {@code timeout}, or if the waiting thread was interrupted (its interrupt flag is then set
   * again).
   */
  public boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      // Idle means nothing pending and no attempt still holding an in-flight slot: a delivery is counted as
      // settled just before its slot is released, so wait for both (after close, dropped attempts may never
      // release theirs).
      return counters.awaitIdle(timeout)
          && (isClosed()
              || limiter.awaitQuiet(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The settings this dispatcher runs with. */
  public CallbackSettings settings() {
    return settings;
  }

  /** True once {@link #close()} or {@link #abandon()} was called. */
  public boolean isClosed() {
    return state.get() != State.OPEN;
  }

  /** For tests: true once every thread of the dispatcher has stopped. */
  boolean isTerminated() {
    return workers.isTerminated() && senders.isTerminated() && timers.isTerminated();
  }

  /**
   * Stops accepting callbacks and drains: for up to {@link CallbackSettings#shutdownTimeout()} what is queued is
   * still delivered (later statuses included; a failed attempt is not retried, and a callback waiting for a retry
   * is dropped at once). Then every callback left unfinished is dropped, logged as {@link DeliveryOutcome#DROPPED}
   * and named in one warning, attempts still stalled are interrupted, and the threads are shut down. Returns within
   * about the shutdown timeout. Idempotent.
   */
  @Override
  public void close() {
    if (!state.compareAndSet(State.OPEN, State.DRAINING)) {
      return;
    }
    long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
    boolean interrupted = false;
    for (PendingCallback callback : List.copyOf(awaitingRetry)) {
      awaitingRetry.remove(callback);
      drop(callback, "waiting for a retry when the dispatcher closed");
    }
    try {
      counters.awaitIdle(settings.shutdownTimeout());
    } catch (InterruptedException e) {
      interrupted = true;
    }
    state.set(State.CLOSED);
    finish(deadline, interrupted, "still queued when the shutdown timeout of " + settings.shutdownTimeout() + " ended");
  }

  /**
   * Stops at once (a reset): refuses new callbacks, gives attempts under way up to {@link
   * CallbackSettings#shutdownTimeout()} to finish (a failure is not retried), drops everything else unfinished, and
   * shuts the threads down. Idempotent; does nothing after {@link #close()}.
   */
  public void abandon() {
    State before = state.getAndUpdate(current -> current == State.OPEN ? State.CLOSED : current);
    if (before != State.OPEN) {
      return;
    }
    long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
    boolean interrupted = false;
    try {
      if (!limiter.awaitQuiet(settings.shutdownTimeout())) {
        LOG.warn(
            "callback dispatcher closing with {} attempts still in flight after {}",
            limiter.inFlight(),
            settings.shutdownTimeout());
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    finish(deadline, interrupted, "pending when the dispatcher was reset");
  }

  /** Drops what is left, stops the threads, logs the outcome. */
  private void finish(long deadline, boolean interrupted, String reason) {
    List<PendingCallback> dropped = new ArrayList<>();
    for (PendingCallback callback : lanes.removeAll()) {
      if (callback.settle()) {
        counters.dropped();
        recordDropped(callback, reason);
        dropped.add(callback);
      }
    }
    if (!dropped.isEmpty()) {
      LOG.warn(
          "callback dispatcher closing: {} callbacks dropped ({}): {}{}",
          dropped.size(),
          reason,
          dropped.subList(0, Math.min(10, dropped.size())),
          dropped.size() > 10 ? " and " + (dropped.size() - 10) + " more" : "");
    }
    timers.shutdownNow();
    senders.shutdownNow(); // interrupts exchanges still stalled after the bound
    workers.shutdown();
    try {
      long remaining = Math.max(0, deadline - System.nanoTime());
      if (!workers.awaitTermination(remaining, TimeUnit.NANOSECONDS)) {
        workers.shutdownNow();
      }
      senders.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      timers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      workers.shutdownNow();
      interrupted = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    CallbackStats stats = stats();
    LOG.debug(
        "callback dispatcher closed: {} delivered, {} given up, {} blocked, {} dropped",
        stats.delivered(),
        stats.givenUp(),
        stats.blocked(),
        stats.dropped());
  }

  /** Hands attempt {@code attempt} of a callback to the in-flight limiter, unless the egress policy refuses it. */
  private void launch(PendingCallback callback, int attempt) {
    if (callback.isSettled()) {
      return; // dropped while its retry timer was set
    }
    if (state.get() == State.CLOSED) {
      drop(callback, "the dispatcher closed");
      return;
    }
    if (attempt == 1) {
      Optional<String> refusal = settings.egress().refusal(callback.url());
      if (refusal.isPresent()) {
        block(callback, refusal.get());
        return;
      }
    }
    limiter.submit(callback.receiver(), callback.tenant(), () -> attempt(callback, attempt));
  }

  /** Runs once the limiter grants a slot; the slot is held until the returned future completes. */
  private CompletableFuture<?> attempt(PendingCallback callback, int attempt) {
    if (callback.isSettled()) {
      return CompletableFuture.completedFuture(null);
    }
    if (state.get() == State.CLOSED) {
      drop(callback, "the dispatcher closed");
      return CompletableFuture.completedFuture(null);
    }
    Instant startedAt = clock.instant();
    counters.attemptStarted();
    CallbackSigner signer = settings.signer();
    String signature = signer == null ? null : signer.sign(startedAt.getEpochSecond(), callback.body());
    return transport
        .send(callback, attempt, signature)
        .handle(
            (result, error) -> {
              TransportResult outcome =
                  error == null ? result : TransportResult.failure(HttpCallbackTransport.describe(error));
              try {
                onResult(callback, attempt, startedAt, outcome);
              } catch (RuntimeException e) {
                LOG.error("callback bookkeeping failed for {}", callback, e);
              }
              return null;
            });
  }

  private void onResult(PendingCallback callback, int attempt, Instant startedAt, TransportResult result) {
    long millis = Math.max(0, Duration.between(startedAt, clock.instant()).toMillis());
    if (result.delivered()) {
      record(callback, attempt, startedAt, result, result.error(), millis, DeliveryOutcome.DELIVERED, null);
      if (callback.settle()) {
        counters.delivered();
      }
      advance(callback);
      return;
    }
    boolean attemptsLeft = result.retryable() && attempt < settings.maxAttempts();
    if (attemptsLeft && state.get() == State.OPEN) {
      Duration delay = backoff.delayAfter(attempt, callback.jitterKey());
      record(
          callback, attempt, startedAt, result, result.error(), millis, DeliveryOutcome.WILL_RETRY,
          delay.toMillis());
      counters.retryScheduled();
      LOG.debug("callback {} attempt {} failed ({}), retry in {}", callback, attempt, failure(result), delay);
      scheduleRetry(callback, attempt + 1, delay);
      return;
    }
    String error = attemptsLeft ? withNote(result.error(), "not retried: dispatcher closed") : result.error();
    record(callback, attempt, startedAt, result, error, millis, DeliveryOutcome.GAVE_UP, null);
    LOG.warn("callback {} given up after attempt {}: {}", callback, attempt, failure(result));
    if (callback.settle()) {
      counters.gaveUp();
    }
    advance(callback);
  }

  private void scheduleRetry(PendingCallback callback, int attempt, Duration delay) {
    awaitingRetry.add(callback);
    try {
      timers.schedule(
          () -> {
            awaitingRetry.remove(callback);
            launch(callback, attempt);
          },
          delay.toNanos(),
          TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      awaitingRetry.remove(callback);
      drop(callback, "the dispatcher closed"); // closed concurrently
    }
  }

  /** The callback is finished: start the next one of the same task, if any. */
  private void advance(PendingCallback finished) {
    PendingCallback next = lanes.advance(finished);
    if (next != null) {
      launch(next, 1);
    }
  }

  /** The egress policy refused the URL: logged once, never attempted, not retried. */
  private void block(PendingCallback callback, String reason) {
    recordUnattempted(callback, reason, DeliveryOutcome.BLOCKED);
    if (callback.settle()) {
      counters.blocked();
    }
    if (warnedBlocked.add(callback.receiver())) {
      LOG.warn("callback {} blocked, not sent: {} (further ones to {} at debug)", callback, reason, callback.receiver());
    } else {
      LOG.debug("callback {} blocked, not sent: {}", callback, reason);
    }
    advance(callback);
  }

  /** Abandons an unfinished callback because the dispatcher is closing; the task's later ones follow it. */
  private void drop(PendingCallback callback, String reason) {
    if (callback.settle()) {
      counters.dropped();
      recordDropped(callback, reason);
      LOG.debug("callback {} dropped: {}", callback, reason);
    }
    advance(callback);
  }

  private void recordDropped(PendingCallback callback, String reason) {
    recordUnattempted(callback, "dropped: " + reason, DeliveryOutcome.DROPPED);
  }

  /** A log entry of a callback that was never sent (attempt 0, no status, no time taken). */
  private void recordUnattempted(PendingCallback callback, String error, DeliveryOutcome outcome) {
    log.record(
        new DeliveryAttempt(
            callback.tenant(),
            callback.taskId(),
            callback.status(),
            callback.url(),
            0,
            clock.instant(),
            null,
            error,
            0,
            outcome,
            null));
  }

  private void record(
      PendingCallback callback,
      int attempt,
      Instant startedAt,
      TransportResult result,
      String error,
      long millis,
      DeliveryOutcome outcome,
      Long retryInMillis) {
    log.record(
        new DeliveryAttempt(
            callback.tenant(),
            callback.taskId(),
            callback.status(),
            callback.url(),
            attempt,
            startedAt,
            result.httpStatus(),
            error,
            millis,
            outcome,
            retryInMillis));
  }

  private static String failure(TransportResult result) {
    return result.httpStatus() != null ? "HTTP " + result.httpStatus() : result.error();
  }

  private static String withNote(String error, String note) {
    return error == null ? note : error + "; " + note;
  }
}

package io.kirincontract.mock.callbacks;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers task callbacks: POSTs a task's JSON to its {@code callback_url} on every status change.
 *
 * <ul>
 *   <li><b>Never blocks, never throws.</b> {@link #enqueue} only records the callback and hands it to the
 *       dispatcher's own threads; a bad argument or a closed dispatcher is counted as rejected and logged,
 *       not thrown.
 *   <li><b>HTTP.</b> One shared {@link java.net.http.HttpClient} (HTTP/1.1, keep-alive) sends {@code POST}
 *       with {@code Content-Type: application/json}, {@code User-Agent: kirin-mock} and the headers of {@link
 *       CallbackHeaders}. At most {@link CallbackSettings#maxInFlight()} attempts are under way at once, each
 *       on a reused thread of a fixed sender pool of that size (see {@link HttpCallbackTransport} for why not
 *       {@code sendAsync}).
 *   <li><b>Retries.</b> A 2xx answer ends delivery. Any other answer, a connection error or a timeout is
 *       retried after the {@link BackoffSchedule} delay, up to {@link CallbackSettings#maxAttempts()}
 *       attempts in all; then the callback is given up. Retries are timers on a scheduler; no thread sleeps.
 *       An unusable URL (not http/https) is given up at once.
 *   <li><b>Order.</b> Callbacks of one task (per tenant and task id) are delivered in {@code enqueue} order:
 *       a later status is not sent before the earlier one is delivered or given up. Different tasks proceed
 *       concurrently.
 *   <li><b>Log.</b> Every attempt lands in the bounded {@link #log()}; {@link #stats()} and {@link
 *       #awaitIdle} serve tests and benchmarks.
 *   <li><b>Close.</b> {@link #close()} stops accepting, waits up to {@link
 *       CallbackSettings#shutdownTimeout()} for attempts under way, then drops every unfinished callback
 *       (pending retries and later statuses; counted as dropped) and stops its threads.
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
  private final HttpCallbackTransport transport;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** A dispatcher with the system UTC clock. */
  public CallbackDispatcher(CallbackSettings settings) {
    this(settings, Clock.systemUTC());
  }

  /** A dispatcher whose log reads time from {@code clock}. */
  public CallbackDispatcher(CallbackSettings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.backoff = settings.backoffSchedule();
    this.log = new DeliveryLog(settings.logCapacity());
    this.limiter = new InFlightLimiter(settings.maxInFlight());
    this.workers =
        Executors.newFixedThreadPool(settings.workerThreads(), new CallbackThreads("kirin-callback-worker"));
    this.senders =
        Executors.newFixedThreadPool(settings.maxInFlight(), new CallbackThreads("kirin-callback-http"));
    this.timers = Executors.newSingleThreadScheduledExecutor(new CallbackThreads("kirin-callback-timer"));
    this.transport = new HttpCallbackTransport(settings, workers, senders);
  }

  /**
   * Queues a callback: {@code body} is POSTed to {@code url} as soon as the earlier callbacks of the same
   * task are finished. Returns at once and never throws; refused calls (after {@link #close()}, or with a
   * {@code null} argument) are counted in {@link CallbackStats#rejected()}. The body is copied.
   */
  public void enqueue(String tenant, String taskId, String status, URI url, byte[] body) {
    if (closed.get()) {
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
      drop(callback); // closed concurrently
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
          && (closed.get()
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

  /** True once {@link #close()} was called. */
  public boolean isClosed() {
    return closed.get();
  }

  /** For tests: true once every thread of the dispatcher has stopped. */
  boolean isTerminated() {
    return workers.isTerminated() && senders.isTerminated() && timers.isTerminated();
  }

  /**
   * Stops accepting callbacks, waits up to {@link CallbackSettings#shutdownTimeout()} for attempts under way
   * to finish (their outcome is logged; a failure is not retried), drops every callback left unfinished,
   * interrupts attempts still stalled, and shuts the dispatcher's threads down. Returns within about the
   * shutdown timeout. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
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
    for (PendingCallback callback : lanes.removeAll()) {
      if (callback.settle()) {
        counters.dropped();
      }
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
    } catch (InterruptedException e) {
      workers.shutdownNow();
      interrupted = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    CallbackStats stats = stats();
    LOG.debug(
        "callback dispatcher closed: {} delivered, {} given up, {} dropped",
        stats.delivered(),
        stats.givenUp(),
        stats.dropped());
  }

  /** Hands attempt {@code attempt} of a callback to the in-flight limiter. */
  private void launch(PendingCallback callback, int attempt) {
    if (closed.get()) {
      drop(callback);
      return;
    }
    limiter.submit(() -> attempt(callback, attempt));
  }

  /** Runs once the limiter grants a slot; the slot is held until the returned future completes. */
  private CompletableFuture<?> attempt(PendingCallback callback, int attempt) {
    if (closed.get()) {
      drop(callback);
      return CompletableFuture.completedFuture(null);
    }
    Instant startedAt = clock.instant();
    counters.attemptStarted();
    return transport
        .send(callback, attempt)
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
    if (attemptsLeft && !closed.get()) {
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
    try {
      timers.schedule(() -> launch(callback, attempt), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      drop(callback); // closed concurrently
    }
  }

  /** The callback is finished: start the next one of the same task, if any. */
  private void advance(PendingCallback finished) {
    PendingCallback next = lanes.advance(finished);
    if (next != null) {
      launch(next, 1);
    }
  }

  /** Abandons an unfinished callback because the dispatcher is closing; the task's later ones follow it. */
  private void drop(PendingCallback callback) {
    if (callback.settle()) {
      counters.dropped();
      LOG.debug("callback {} dropped: dispatcher closed", callback);
    }
    advance(callback);
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

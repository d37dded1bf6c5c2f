package io.kirincontract.mock.lifecycle.internal;

import io.kirincontract.mock.callbacks.internal.CallbackDispatcher;
import io.kirincontract.mock.callbacks.CallbackSettings;
import io.kirincontract.mock.callbacks.internal.CallbackStats;
import io.kirincontract.mock.callbacks.internal.DeliveryLog;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the lifecycle hands callbacks over: a {@link CallbackDispatcher} that a reset replaces by a fresh one, so
 * that a reset forgets the delivery log and every delivery still pending (the old dispatcher is closed in the
 * background). The delivery log's times are real (wall-clock) times: they describe real HTTP attempts.
 */
final class CallbackOutbox implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CallbackOutbox.class);

  private final CallbackSettings settings;
  private final AtomicReference<CallbackDispatcher> dispatcher;

  CallbackOutbox(CallbackSettings settings) {
    this.settings = settings;
    this.dispatcher = new AtomicReference<>(new CallbackDispatcher(settings));
  }

  /** Queues a callback; never blocks. An unparsable URL is logged and skipped. */
  void send(String tenant, String taskId, String status, String url, byte[] body) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      LOG.warn("callback of task {} ({}) not sent: {} is not a URI", taskId, status, url);
      return;
    }
    dispatcher.get().enqueue(tenant, taskId, status, uri, body);
  }

  DeliveryLog log() {
    return dispatcher.get().log();
  }

  CallbackStats stats() {
    return dispatcher.get().stats();
  }

  boolean awaitIdle(Duration timeout) {
    return dispatcher.get().awaitIdle(timeout);
  }

  CallbackSettings settings() {
    return settings;
  }

  /** Starts afresh: an empty log, nothing pending. */
  void reset() {
    CallbackDispatcher old = dispatcher.getAndSet(new CallbackDispatcher(settings));
    Thread closer = new Thread(old::abandon, "kirin-callback-reset");
    closer.setDaemon(true);
    closer.start();
  }

  /** Drains: what is pending is still delivered for up to the shutdown timeout, the rest is logged as dropped. */
  @Override
  public void close() {
    dispatcher.get().close();
  }
}

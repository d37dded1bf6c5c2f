package io.kirincontract.mock.proxy.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges proxied exchanges after their answers have gone back: {@link #submit} only puts the exchange on a bounded
 * queue (a full queue drops it and counts the drop), one daemon thread takes them in order, judges each and adds the
 * result to the {@link DriftLog}, and records drifted exchanges as case files when asked to. A slow judgement (a media
 * URL that takes its time) delays later judgements, never an answer.
 */
public final class DriftWatch implements AutoCloseable {

  /** Exchanges waiting for judgement at most; more are dropped (and counted). */
  public static final int DEFAULT_QUEUE_SIZE = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(DriftWatch.class);

  private final Judge judge;
  private final DriftLog log;
  private final CaseRecorder recorder;
  private final BlockingQueue<Exchange> queue;
  private final Thread worker;

  /**
   * @param recorder writes drifted exchanges as case files, or {@code null}
   */
  public DriftWatch(Judge judge, DriftLog log, int queueSize, CaseRecorder recorder) {
    this.judge = judge;
    this.log = log;
    this.recorder = recorder;
    this.queue = new ArrayBlockingQueue<>(queueSize);
    this.worker = new Thread(this::run, "kirin-drift-judge");
    worker.setDaemon(true);
    worker.start();
  }

  /** Queues an exchange for judgement; never blocks. */
  public void submit(Exchange exchange) {
    if (!queue.offer(exchange)) {
      log.dropped();
    }
  }

  /** {@code GET /__admin/drift}. */
  public ObjectNode json() {
    return log.json();
  }

  /** {@code DELETE /__admin/drift}: the findings so far are forgotten; exchanges still queued are judged afresh. */
  public void reset() {
    log.reset();
  }

  @Override
  public void close() {
    worker.interrupt();
  }

  private void run() {
    while (!Thread.currentThread().isInterrupted()) {
      Exchange exchange;
      try {
        exchange = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      try {
        Judgement judgement = judge.judge(exchange);
        log.add(exchange, judgement);
        if (recorder != null && !judgement.drifts().isEmpty()) {
          recorder.record(exchange, judgement);
        }
      } catch (RuntimeException e) {
        LOG.warn("could not judge {} {} of {}: {}", exchange.method(), exchange.path(), exchange.keyId(), e.toString());
      }
    }
  }
}

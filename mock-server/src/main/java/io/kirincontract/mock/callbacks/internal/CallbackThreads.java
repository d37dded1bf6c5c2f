package io.kirincontract.mock.callbacks.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the dispatcher's threads and makes them daemons, so an unclosed dispatcher never holds a JVM. */
final class CallbackThreads implements ThreadFactory {

  private final String prefix;
  private final AtomicInteger counter = new AtomicInteger();

  CallbackThreads(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, prefix + "-" + counter.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }
}

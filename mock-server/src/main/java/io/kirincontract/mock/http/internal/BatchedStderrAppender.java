package io.kirincontract.mock.http.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The request log's appender in the jar's Logback configuration: lines go to the process's standard error through a
 * buffer, which the request log's writer flushes after each batch of lines ({@link LogbackRequestLines}). A batch
 * then costs one write to standard error instead of one per line (the console appender writes through {@code
 * System.err}, which flushes on every write). Lines are written whole: the buffer writes out before a line that does
 * not fit. Stopping the appender flushes the stream and leaves standard error open. Only the request log's writer
 * flushes it: on another logger, lines would wait until the buffer fills.
 */
public final class BatchedStderrAppender extends OutputStreamAppender<ILoggingEvent> implements Flushable {

  static final int BUFFER_BYTES = 64 * 1024;

  private final OutputStream target;

  /** Standard error, as Logback makes it from the configuration. */
  public BatchedStderrAppender() {
    this(new FileOutputStream(FileDescriptor.err));
  }

  BatchedStderrAppender(OutputStream target) {
    this.target = target;
  }

  @Override
  public void start() {
    setImmediateFlush(false);
    setOutputStream(
        new BufferedOutputStream(target, BUFFER_BYTES) {
          @Override
          public void close() throws IOException {
            flush(); // the appender stops; the stream it writes to stays open
          }
        });
    super.start();
  }

  /** Writes out the lines appended since the last flush. */
  @Override
  public void flush() throws IOException {
    streamWriteLock.lock();
    try {
      OutputStream out = getOutputStream();
      if (out != null) {
        out.flush();
      }
    } finally {
      streamWriteLock.unlock();
    }
  }
}

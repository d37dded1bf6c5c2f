package io.kirincontract.mock.http.internal;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request: method, path, status, milliseconds. With Logback (the jar's binding) the request thread
 * only queues the line and one thread of the JVM hands the lines to Logback in batches ({@link RequestLogLines}), with
 * the request's time and thread name; with another binding the line is logged on the request thread.
 */
final class RequestLog implements RequestLogger {

  private static final Logger LOG = LoggerFactory.getLogger("io.kirincontract.mock.requests");

  private final RequestLogLines lines = Batched.LINES;

  @Override
  public void handle(Context ctx, Float ms) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    String message =
        String.valueOf(ctx.method())
            + ' '
            + ctx.path()
            + ' '
            + ctx.statusCode()
            + ' '
            + tenths(ms == null ? 0f : ms);
    if (lines == null) {
      LOG.info(message);
    } else {
      lines.offer(new RequestLogLines.Line(System.currentTimeMillis(), Thread.currentThread().getName(), message));
    }
  }

  /** {@code 3.1ms}: the milliseconds to a tenth, without a {@link java.util.Formatter} per request. */
  static String tenths(float ms) {
    long tenths = Math.round(ms * 10.0);
    return tenths / 10 + "." + tenths % 10 + "ms";
  }

  /** The JVM's one queue of lines, made on first use; none when Logback is not the slf4j binding. */
  private static final class Batched {
    static final RequestLogLines LINES =
        "ch.qos.logback.classic.LoggerContext".equals(LoggerFactory.getILoggerFactory().getClass().getName())
            ? new RequestLogLines(new LogbackRequestLines(LOG))
            : null;
  }
}

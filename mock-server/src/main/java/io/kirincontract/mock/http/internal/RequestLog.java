package io.kirincontract.mock.http.internal;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per request: method, path, status, milliseconds. */
final class RequestLog implements RequestLogger {

  private static final Logger LOG = LoggerFactory.getLogger("io.kirincontract.mock.requests");

  @Override
  public void handle(Context ctx, Float ms) {
    LOG.info(
        "{} {} {} {}",
        ctx.method(),
        ctx.path(),
        ctx.statusCode(),
        tenths(ms == null ? 0f : ms));
  }

  /** {@code 3.1ms}: the milliseconds to a tenth, without a {@link java.util.Formatter} per request. */
  static String tenths(float ms) {
    long tenths = Math.round(ms * 10.0);
    return tenths / 10 + "." + tenths % 10 + "ms";
  }
}

package io.kirincontract.mock.http;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import java.util.Locale;
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
        String.format(Locale.ROOT, "%.1fms", ms == null ? 0f : ms));
  }
}

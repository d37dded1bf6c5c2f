package io.kirincontract.mock.http.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.function.Consumer;

/**
 * Hands a request line to Logback as the event the request thread would have logged: its time and thread name are
 * the request's, so every pattern prints what it printed before. Loaded only when Logback is the slf4j binding (it
 * is an optional dependency).
 */
final class LogbackRequestLines implements Consumer<RequestLogLines.Line> {

  private static final String FQCN = RequestLog.class.getName();

  private final Logger logger;

  LogbackRequestLines(org.slf4j.Logger logger) {
    this.logger = (Logger) logger;
  }

  @Override
  public void accept(RequestLogLines.Line line) {
    LoggingEvent event = new LoggingEvent(FQCN, logger, Level.INFO, line.message(), null, null);
    event.setTimeStamp(line.millis());
    event.setThreadName(line.thread());
    logger.callAppenders(event);
  }
}

package io.kirincontract.mock.http.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import java.io.Flushable;
import java.io.IOException;
import java.util.Iterator;

/**
 * Hands a request line to Logback as the event the request thread would have logged: its time and thread name are
 * the request's, so every pattern prints what it printed before. After each batch, the logger's appenders that buffer
 * ({@link Flushable}, as {@link BatchedStderrAppender} in the jar's configuration) write it out. Loaded only when
 * Logback is the slf4j binding (it is an optional dependency).
 */
final class LogbackRequestLines implements RequestLogLines.Sink {

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

  @Override
  public void endOfBatch() {
    for (Iterator<Appender<ILoggingEvent>> appenders = logger.iteratorForAppenders(); appenders.hasNext(); ) {
      if (appenders.next() instanceof Flushable buffered) {
        try {
          buffered.flush();
        } catch (IOException e) {
          // standard error is gone: nothing else to write the lines to
        }
      }
    }
  }
}

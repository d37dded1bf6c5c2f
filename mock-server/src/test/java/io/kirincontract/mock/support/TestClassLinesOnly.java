package io.kirincontract.mock.support;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Lets through to the build's console only the lines the test classes log themselves (the figures of the robustness
 * and load tests). The mock's own lines (callbacks given up, blocked by the egress policy, 500s of the fault tests)
 * are provoked on purpose and go to the test log file only (see logback-test.xml).
 */
public final class TestClassLinesOnly extends Filter<ILoggingEvent> {

  @Override
  public FilterReply decide(ILoggingEvent event) {
    return event.getLoggerName().endsWith("Test") ? FilterReply.NEUTRAL : FilterReply.DENY;
  }
}

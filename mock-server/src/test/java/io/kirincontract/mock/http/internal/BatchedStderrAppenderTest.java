package io.kirincontract.mock.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request lines reach standard error when the batch is flushed, whole and in order; stopping leaves it open. */
class BatchedStderrAppenderTest {

  private final LoggerContext context = new LoggerContext();
  private final Logger logger = context.getLogger("io.kirincontract.mock.requests");
  private final Target target = new Target();
  private final BatchedStderrAppender appender = new BatchedStderrAppender(target);

  @BeforeEach
  void start() {
    context.setMDCAdapter(new LogbackMDCAdapter());
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%msg%n");
    encoder.start();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.start();
  }

  @Test
  void linesAreWrittenOnFlushInOneWrite() throws Exception {
    append("GET /health 200 0.1ms");
    append("POST /v1/videos/generations 200 2.3ms");
    assertThat(target.text()).isEmpty();

    appender.flush();

    assertThat(target.text()).isEqualTo("GET /health 200 0.1ms\nPOST /v1/videos/generations 200 2.3ms\n");
    assertThat(target.writes).isEqualTo(1);
  }

  @Test
  void aFullBufferWritesOutWholeLinesOnly() throws Exception {
    String line = "x".repeat(999); // 1,000 bytes with its newline
    int lines = BatchedStderrAppender.BUFFER_BYTES / 1_000 * 3;
    for (int i = 0; i < lines; i++) {
      append(line);
      assertThat(target.size() % 1_000).as("bytes written after %d lines", i + 1).isZero();
    }
    appender.flush();
    assertThat(target.size()).isEqualTo(lines * 1_000);
  }

  @Test
  void stoppingWritesWhatIsLeftAndLeavesTheStreamOpen() {
    append("last line");
    appender.stop();

    assertThat(target.text()).isEqualTo("last line\n");
    assertThat(target.closed).isFalse();
  }

  private void append(String message) {
    appender.doAppend(new LoggingEvent(getClass().getName(), logger, Level.INFO, message, null, null));
  }

  /** Standard error's stand-in: counts writes and notices a close. */
  private static final class Target extends ByteArrayOutputStream {
    int writes;
    boolean closed;

    @Override
    public synchronized void write(byte[] bytes, int off, int len) {
      writes++;
      super.write(bytes, off, len);
    }

    @Override
    public void close() {
      closed = true;
    }

    String text() {
      return toString(StandardCharsets.UTF_8);
    }
  }
}

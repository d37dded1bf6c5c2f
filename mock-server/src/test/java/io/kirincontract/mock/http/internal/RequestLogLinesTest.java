package io.kirincontract.mock.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The writer thread takes every line in order, ends each batch after its lines, and a line offered after it went to
 * sleep wakes it.
 */
class RequestLogLinesTest {

  private final BlockingQueue<String> written = new LinkedBlockingQueue<>();
  private final RequestLogLines lines = new RequestLogLines(line -> written.add(line.message()));

  @Test
  void everyLineIsWrittenInOrder() throws Exception {
    IntStream.range(0, 500).forEach(i -> assertThat(lines.offer(line("l" + i))).isTrue());

    for (int i = 0; i < 500; i++) {
      assertThat(written.poll(5, TimeUnit.SECONDS)).isEqualTo("l" + i);
    }
  }

  @Test
  void eachBatchEndsAfterItsLinesAndNoBatchIsEmpty() throws Exception {
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    RequestLogLines batched =
        new RequestLogLines(
            new RequestLogLines.Sink() {
              @Override
              public void accept(RequestLogLines.Line line) {
                events.add(line.message());
              }

              @Override
              public void endOfBatch() {
                events.add("|");
              }
            });
    IntStream.range(0, 2_000).forEach(i -> batched.offer(line("l" + i)));

    int next = 0;
    String previous = "|";
    while (next < 2_000 || !previous.equals("|")) {
      String event = events.poll(5, TimeUnit.SECONDS);
      assertThat(event).as("after %s", previous).isNotNull();
      if (event.equals("|")) {
        assertThat(previous).as("a batch without lines").isNotEqualTo("|");
      } else {
        assertThat(event).isEqualTo("l" + next++);
      }
      previous = event;
    }
  }

  @Test
  void aLineAfterTheWriterFellAsleepWakesIt() throws Exception {
    lines.offer(line("first"));
    assertThat(written.poll(5, TimeUnit.SECONDS)).isEqualTo("first");
    // well past the idle lingers after which the writer sleeps until a line wakes it
    Thread.sleep(RequestLogLines.IDLE_LINGERS * RequestLogLines.LINGER_MICROS / 1000 * 5);

    lines.offer(line("second"));
    assertThat(written.poll(5, TimeUnit.SECONDS)).isEqualTo("second");
  }

  private static RequestLogLines.Line line(String text) {
    return new RequestLogLines.Line(System.currentTimeMillis(), "test", text);
  }
}

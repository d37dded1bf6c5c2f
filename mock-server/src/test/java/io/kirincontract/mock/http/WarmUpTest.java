package io.kirincontract.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.spec.KirinSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The warm-up before a start runs the create path on the spec's examples and leaves nothing behind. */
class WarmUpTest {

  @Test
  void aWarmedUpServerStartsWithNoTaskNoJournalEntryAndNoRequestLine() {
    Logger requests = (Logger) LoggerFactory.getLogger("io.kirincontract.mock.requests");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    requests.addAppender(lines);
    try (KirinMockServer server =
        KirinMockServer.start(config -> config.host("127.0.0.1").port(0).warmUp(Duration.ofMillis(300)))) {
      assertThat(server.admin().taskCount()).isZero();
      assertThat(server.admin().requests()).isEmpty();
    } finally {
      requests.detachAppender(lines);
    }
    assertThat(lines.list).isEmpty();
  }

  @Test
  void noBudgetMeansNoWarmUp() {
    assertThat(WarmUp.run(KirinSpec.load(), null, null, Duration.ZERO)).isZero();
  }
}

package io.kirincontract.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.support.MockServerExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Property-based fuzzing of the API with generated bad input: every answer is a 4xx in the error envelope (valid
 * against the spec's {@code ErrorResponse}) or a valid Task, never a 5xx, never a hang; {@code /health} answers
 * after each property. The tries are shared among the properties by weight: {@code -Dkirin.fuzz.tries=200000}
 * runs ten times the default; see {@link RobustnessSettings} for the seed and the replay of one try.
 */
class BadInputFuzzTest {

  private static final Logger LOG = LoggerFactory.getLogger(BadInputFuzzTest.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  @RegisterExtension
  static final MockServerExtension MOCK =
      MockServerExtension.builder()
          .configure(config -> config.manualClock(Instant.parse("2026-11-22T10:00:00Z")).mediaFetch(false))
          .build();

  private final KirinMockServer server = MOCK.server();
  private final FuzzClient client = new FuzzClient(server.port(), TIMEOUT);

  @Test
  void mutatedSpecExamplesGetAnEnvelopeOrATask() {
    check(FuzzRun.run("mutated spec examples", RobustnessSettings.tries(300), Requests.mutatedBodies(), client));
  }

  @Test
  void aWrongJsonTypeAnywhereGetsAnEnvelope() {
    check(FuzzRun.run("wrong JSON types", RobustnessSettings.tries(200), Requests.wrongTypes(), client));
  }

  @Test
  void brokenImagesAndMediaValuesGetAnEnvelopeOrATask() {
    check(FuzzRun.run("media values", RobustnessSettings.tries(150), Requests.mediaValues(), client));
  }

  @Test
  void randomBytesAndRandomJsonGetAnEnvelope() {
    check(FuzzRun.run("random bodies", RobustnessSettings.tries(100), Requests.randomBodies(), client));
  }

  @Test
  void wrongOrMissingHeadersGetAnEnvelopeOrATask() {
    check(FuzzRun.run("header variants", RobustnessSettings.tries(150), Requests.headerVariants(), client));
  }

  @Test
  void oddMethodsAndPathsGetAnEnvelope() {
    check(FuzzRun.run("odd methods and paths", RobustnessSettings.tries(100), Requests.oddRequests(), client));
  }

  private void check(FuzzRun.Report report) {
    LOG.info(
        "fuzz '{}': {} requests in {} ms, seed {}: {}; property broken by {}",
        report.name(),
        report.tries(),
        report.millis(),
        report.seed(),
        report.statusCounts(),
        report.failures().size());
    assertThat(report.failures()).as(report.failureReport()).isEmpty();
    assertThat(Health.answers(server.port(), TIMEOUT)).as("/health after '%s'", report.name()).isTrue();
  }
}

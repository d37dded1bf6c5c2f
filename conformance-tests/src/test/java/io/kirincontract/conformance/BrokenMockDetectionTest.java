package io.kirincontract.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.KirinMockServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The suite pointed at a mock with one rule deliberately disabled (the mock's disable-rule option) fails, and
 * every failure names that rule and only that rule: the suite is not green by accident.
 */
class BrokenMockDetectionTest {

  @Test
  @DisplayName("rule cases against a mock without v3.multi-shot.durations-sum fail, naming that rule id")
  void ruleCasesNameTheDisabledRule() {
    String rule = "v3.multi-shot.durations-sum";
    try (KirinMockServer mock = KirinMockServer.start(config -> config.host("127.0.0.1").port(0).disableRule(rule))) {
      List<SuiteRun.Outcome> outcomes =
          SuiteRun.run(Map.of("kirin.baseUrl", mock.baseUrl(), "kirin.apiKey", "any-key",
              "kirin.models", "kirin_v3_t2v,kirin_v3_i2v"), "RuleCasesTest");

      List<SuiteRun.Outcome> failures = SuiteRun.failures(outcomes);
      assertThat(outcomes).hasSizeGreaterThan(50);
      assertThat(failures).isNotEmpty();
      assertThat(failures).allSatisfy(failure -> {
        assertThat(failure.name()).startsWith(rule + " [");
        assertThat(failure.message()).startsWith(rule + " [");
      });
      assertThat(failures).extracting(SuiteRun.Outcome::name)
          .anyMatch(name -> name.contains("[kirin_v3_t2v] break"))
          .anyMatch(name -> name.contains("[kirin_v3_i2v] break"));
    }
  }

  @Test
  @DisplayName("negative cases against a mock without o1.prompt.max-length fail, naming that derived rule id")
  void negativeCasesNameTheDisabledFieldRule() {
    String rule = "o1.prompt.max-length";
    try (KirinMockServer mock = KirinMockServer.start(config -> config.host("127.0.0.1").port(0).disableRule(rule))) {
      List<SuiteRun.Outcome> outcomes = SuiteRun.run(
          Map.of("kirin.baseUrl", mock.baseUrl(), "kirin.apiKey", "any-key", "kirin.models", "kirin_video_o1"),
          "SpecDerivedNegativeCasesTest");

      List<SuiteRun.Outcome> failures = SuiteRun.failures(outcomes);
      assertThat(failures).singleElement().satisfies(failure -> {
        assertThat(failure.name()).startsWith(rule + " [kirin_video_o1] negative");
        assertThat(failure.message()).startsWith(rule).contains("status 200, expected 400");
      });
    }
  }
}

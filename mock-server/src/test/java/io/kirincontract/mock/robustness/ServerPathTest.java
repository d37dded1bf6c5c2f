package io.kirincontract.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fuzz checker judges the path the server sees, not the characters the generator wrote. */
class ServerPathTest {

  @Test
  void aFragmentIsNotPartOfThePathSoTheFuzzesHashPathIsAPlainCreate() {
    // seed 190359159729301759, try 92 of "odd methods and paths": the mock created a task and the checker, judging
    // the raw path, called the 200 wrong
    assertThat(ServerPath.of("/v1/videos/generations/#8gE(YV07?|/l0sgF$ngV%O^c")).contains("/v1/videos/generations");
    assertThat(ServerPath.of("/v1/videos/generations#x/y")).contains("/v1/videos/generations");
  }

  @Test
  void theQueryAndPathParametersAreNotPartOfThePath() {
    assertThat(ServerPath.of("/v1/videos/generations?model=x#y")).contains("/v1/videos/generations");
    assertThat(ServerPath.of("/v1/videos/generations/a;b=c")).contains("/v1/videos/generations/a");
    assertThat(ServerPath.of("/v1/videos/generations;x")).contains("/v1/videos/generations");
  }

  @Test
  void percentEscapesAreDecodedAndDotSegmentsResolved() {
    assertThat(ServerPath.of("/v1/videos/generations/%2e")).contains("/v1/videos/generations");
    assertThat(ServerPath.of("/v1/videos/generations/../../health")).contains("/v1/health");
    assertThat(ServerPath.of("/v1/videos/generations/../../../../health")).contains("/health");
    assertThat(ServerPath.of("/v1/videos/generations/%E2%82%AC")).contains("/v1/videos/generations/\u20ac");
    assertThat(ServerPath.of("/v1/videos/%67enerations")).contains("/v1/videos/generations");
  }

  @Test
  void undecodableEscapesHaveNoPath() {
    assertThat(ServerPath.of("/v1/videos/generations/%zz")).isEmpty();
    assertThat(ServerPath.of("/v1/videos/generations/%E2%82")).isEmpty();
    assertThat(ServerPath.of("/v1/videos/generations/%4")).isEmpty();
  }

  @Test
  void theDefaultSeedIsFixedAndRandomIsOnlyOnRequest() {
    assertThat(RobustnessSettings.seed(null)).isEqualTo(RobustnessSettings.DEFAULT_SEED);
    assertThat(RobustnessSettings.seed("42")).isEqualTo(42L);
    assertThat(RobustnessSettings.seed("random")).isNotNegative();
  }
}

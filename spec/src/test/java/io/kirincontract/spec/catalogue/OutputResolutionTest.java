package io.kirincontract.spec.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputResolutionTest {

  @Test
  void takesTheSentenceAfterOutput() {
    assertThat(OutputResolution.of("Text to video.\nOutput: `std` 720p, `pro` 1080p, 24 fps. More."))
        .contains("`std` 720p, `pro` 1080p, 24 fps");
  }

  @Test
  void otherwiseTakesTheClauseThatNamesAResolution() {
    assertThat(OutputResolution.of("Kirin V2.1 Master image to video, 1080p at 24 fps. The image is required."))
        .contains("1080p at 24 fps");
  }

  @Test
  void isEmptyWhenTheDescriptionStatesNone() {
    assertThat(OutputResolution.of("A model with no stated output.")).isEmpty();
    assertThat(OutputResolution.of(null)).isEmpty();
  }
}

package io.kirincontract.spec.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.spec.KirinSpec;
import org.junit.jupiter.api.Test;

class OutputResolutionTest {

  private static final KirinSpec SPEC = KirinSpec.load();

  @Test
  void namesEachModeWithItsResolutionAndTheFrameRate() {
    assertThat(OutputResolution.of(SPEC.profile("kirin_v3_t2v"))).isEqualTo("`std` 720p, `pro` 1080p, 24 fps");
  }

  @Test
  void namesTheOneResolutionOfAModelWithoutModes() {
    assertThat(OutputResolution.of(SPEC.profile("kirin_v2_1_master_i2v"))).isEqualTo("1080p at 24 fps");
  }
}

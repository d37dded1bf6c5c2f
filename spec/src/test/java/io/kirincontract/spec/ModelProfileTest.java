package io.kirincontract.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ModelProfileTest {

  private static final KirinSpec SPEC = KirinSpec.load();

  @Test
  void everyModelHasAProfile() {
    assertThat(SPEC.profiles()).extracting(ModelProfile::modelId).containsExactlyElementsOf(SPEC.modelIds());
  }

  @Test
  void readsTheOutputByModeAndTheDefaultModeFromTheSchema() {
    ModelProfile o1 = SPEC.profile("kirin_video_o1");
    assertThat(o1.output().fps()).isEqualTo(24);
    assertThat(o1.output().shortSide("std")).isEqualTo(720);
    assertThat(o1.output().shortSide("pro")).isEqualTo(1080);
    assertThat(o1.defaultMode()).isEqualTo("pro");
    assertThat(SPEC.profile("kirin_v2_1_master_i2v").defaultMode()).isEqualTo("std");
    assertThat(SPEC.profile("kirin_v2_1_master_i2v").output().shortSide("std")).isEqualTo(1080);
  }

  @Test
  void readsTaskKindsWithTheirDurationSets() {
    ModelProfile o1 = SPEC.profile("kirin_video_o1");
    assertThat(o1.taskKind("text_to_video").orElseThrow().durations()).containsExactly("5", "10");
    assertThat(o1.taskKind("reference_to_video").orElseThrow().durations()).isEmpty();
    assertThat(o1.taskKind("video_edit").orElseThrow().durationFromInput()).isTrue();
    assertThat(SPEC.profile("kirin_v3_t2v").taskKinds()).extracting(ModelProfile.TaskKind::name)
        .containsExactly("text_to_video");
  }

  @Test
  void readsDefaultsPricesAndMediaInputs() {
    ModelProfile v3i2v = SPEC.profile("kirin_v3_i2v");
    assertThat(v3i2v.defaultOf("duration")).contains("5");
    assertThat(v3i2v.has("multi_shot")).isTrue();
    assertThat(v3i2v.has("aspect_ratio")).isFalse();
    assertThat(v3i2v.images()).containsExactly("image", "image_tail");
    assertThat(v3i2v.prices().perSecond("pro")).isEqualByComparingTo(new BigDecimal("0.10"));
    assertThat(SPEC.profile("kirin_v2_master_t2v").prices().sound()).isEqualByComparingTo(BigDecimal.ZERO);
  }

  @Test
  void fillsARulesTextFromItsLimits() {
    RuleDef fps = SPEC.rule("o1.video.fps").orElseThrow();
    assertThat(fps.limit("min-fps")).isEqualTo(24);
    assertThat(fps.text()).contains("between 24 and 60 fps");
  }

  @Test
  void refusesASpecWhoseRuleTextNamesAMissingLimit() {
    String broken = SPEC.yaml().replace("limits: {min-fps: 24, max-fps: 60}", "limits: {min-fps: 24}");
    assertThatThrownBy(() -> KirinSpec.parse(broken)).isInstanceOf(KirinSpecException.class).hasMessageContaining("{max-fps}");
  }

  @Test
  void refusesAModelWithoutAProfile() {
    String broken = SPEC.yaml().replaceFirst("x-kirin-profile:", "x-kirin-unused:");
    assertThatThrownBy(() -> KirinSpec.parse(broken)).isInstanceOf(KirinSpecException.class)
        .hasMessageContaining("x-kirin-profile");
  }
}

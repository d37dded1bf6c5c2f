package io.kirincontract.spec.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.spec.KirinSpec;
import org.junit.jupiter.api.Test;

/** The catalogue reads per-model facts from the spec's profiles and rule limits: a change in a copy shows in it. */
class CatalogueFollowsTheProfilesTest {

  private static final String YAML = KirinSpec.load().yaml();

  @Test
  void aChangedOutputResolutionShowsInTheModelsSection() {
    String changed = YAML.replace("resolution: {std: 1080p}", "resolution: {std: 1440p}");
    assertThat(changed).isNotEqualTo(YAML);
    CataloguePage page = new CataloguePage(RulesCatalogue.render(KirinSpec.parse(changed)));
    assertThat(page.section("kirin_v2_1_master_i2v")).contains("Output resolution: 1440p at 24 fps.");
  }

  @Test
  void aChangedMediaLimitShowsInTheRuleText() {
    String changed = YAML.replaceFirst("(?s)(- id: o1\\.image\\.min-dimensions.*?limits: \\{min-side: )300", "$1400");
    assertThat(changed).isNotEqualTo(YAML);
    CataloguePage page = new CataloguePage(RulesCatalogue.render(KirinSpec.parse(changed)));
    assertThat(page.section("kirin_video_o1")).contains("An image is at least 400 px wide and 400 px high.");
    assertThat(page.section("kirin_v3_i2v")).contains("An image is at least 300 px wide and 300 px high.");
  }

  @Test
  void listsTheTaskKindsWithTheirDurations() {
    CataloguePage page = new CataloguePage(RulesCatalogue.render(KirinSpec.parse(YAML)));
    assertThat(page.section("kirin_video_o1"))
        .contains("`video_edit` (the input video's duration)")
        .contains("`text_to_video` (duration `5` or `10`)");
  }
}

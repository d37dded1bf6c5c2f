package io.kirincontract.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.conformance.cases.CaseFiles;
import io.kirincontract.conformance.cases.RuleCase;
import io.kirincontract.conformance.http.Answer;
import io.kirincontract.conformance.http.KirinApi;
import io.kirincontract.conformance.http.SpecValidation;
import io.kirincontract.conformance.media.Fixtures;
import io.kirincontract.conformance.media.MediaServer;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.catalogue.RulesCatalogue;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A media limit is one number in the spec: changed in a copy of the spec (the least image side of kirin_video_o1,
 * 300 px to 400 px), the mock started with that copy enforces it, the suite's cases for the rule move their edge
 * with it, and the rules catalogue states it.
 */
class SpecLimitChangeTest {

  private static final String RULE = "o1.image.min-dimensions";
  private static final String MODEL = "kirin_video_o1";
  private static final KirinSpec SPEC = KirinSpec.load();
  private static final KirinSpec CHANGED =
      KirinSpec.parse(
          SPEC.yaml().replaceFirst("(?s)(- id: o1\\.image\\.min-dimensions\n.*?limits: \\{min-side: )300", "$1400"));

  @Test
  @DisplayName("the changed limit is the rule's limit and the catalogue's text")
  void theCatalogueStatesTheChangedLimit() {
    assertThat(CHANGED.rule(RULE).orElseThrow().limit("min-side")).isEqualTo(400);
    assertThat(RulesCatalogue.render(CHANGED)).contains("An image is at least 400 px wide and 400 px high.");
    assertThat(RulesCatalogue.render(SPEC)).doesNotContain("at least 400 px");
  }

  @Test
  @DisplayName("the rule's cases move their edge with the limit, and the mock started with the copy agrees")
  void theCasesAndTheMockFollowTheChangedLimit() {
    List<RuleCase> cases = cases(CHANGED);
    assertThat(cases).extracting(RuleCase::title).containsExactly("399 x 400 px", "400 x 400 px");
    assertThat(cases(SPEC)).extracting(RuleCase::title).containsExactly("299 x 300 px", "300 x 300 px");

    try (MediaServer media = MediaServer.start(null, 0);
        KirinMockServer changed = KirinMockServer.start(config -> config.host("127.0.0.1").port(0).spec(CHANGED));
        KirinMockServer original = KirinMockServer.start(config -> config.host("127.0.0.1").port(0))) {
      Fixtures fixtures = new Fixtures(media);
      KirinApi changedApi = new KirinApi(changed.baseUrl(), "any-key", new SpecValidation(CHANGED));
      KirinApi originalApi = new KirinApi(original.baseUrl(), "any-key", new SpecValidation(SPEC));
      for (RuleCase c : cases) {
        String body = fixtures.resolve(c.request()).toString();
        Answer answer = Answer.of(changedApi.create(body));
        if (c.kind() == RuleCase.Kind.BREAK) {
          assertThat(answer.status()).as("%s: %s", c.title(), answer.describe()).isEqualTo(400);
          assertThat(answer.errorRule()).as(c.title()).contains(RULE);
          assertThat(Answer.of(originalApi.create(body)).status())
              .as("%s against the mock of the unchanged spec", c.title()).isEqualTo(200);
        } else {
          assertThat(answer.status()).as("%s: %s", c.title(), answer.describe()).isEqualTo(200);
        }
      }
    }
  }

  private static List<RuleCase> cases(KirinSpec spec) {
    return CaseFiles.loadAll(spec).get(MODEL).cases().stream().filter(c -> c.rule().equals(RULE)).toList();
  }
}

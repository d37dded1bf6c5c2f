package io.kirincontract.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.kirincontract.conformance.cases.CaseCoverage;
import io.kirincontract.conformance.cases.CaseFiles;
import io.kirincontract.spec.KirinSpec;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The trace between the spec's rule ids and the case files, in both directions. */
class CaseCoverageTest {

  private static final KirinSpec SPEC = KirinSpec.load();

  @Test
  @DisplayName("every rule of the spec has a break and a pass case for each of its models, and no case is stray")
  void theCaseFilesCoverTheSpec() {
    assertThat(CaseCoverage.gaps(SPEC, CaseFiles.loadAll(SPEC))).isEmpty();
  }

  @Test
  @DisplayName("a rule added to the spec without cases is a gap named after its id")
  void aNewRuleWithoutCasesIsAGap() {
    KirinSpec more = KirinSpec.parse(SPEC.yaml().replace("x-kirin-rules:\n", """
        x-kirin-rules:
          - id: v2t2v.prompt.no-shouting
            models: [kirin_v2_master_t2v]
            params: [prompt]
            text: The prompt is not all capitals.
            code: invalid_parameter
            status: 400
            effect: reject
            mode: default
            source: reading
        """));
    assertThat(CaseCoverage.gaps(more, CaseFiles.loadAll(more)))
        .extracting(CaseCoverage.Gap::toString)
        .containsExactly(
            "v2t2v.prompt.no-shouting [kirin_v2_master_t2v]: no break case in cases/kirin_v2_master_t2v.yaml",
            "v2t2v.prompt.no-shouting [kirin_v2_master_t2v]: no pass case in cases/kirin_v2_master_t2v.yaml");
  }

  @Test
  @DisplayName("a case naming an id the spec does not have is a gap named after that id")
  void aCaseForAnUnknownRuleIsAGap() {
    KirinSpec fewer = KirinSpec.parse(SPEC.yaml().replace("  - id: o1.video.fps\n", "  - id: o1.video.frame-rate\n"));
    Map<String, CaseFiles.CaseFile> files = CaseFiles.loadAll(fewer);
    assertThat(CaseCoverage.gaps(fewer, files))
        .extracting(CaseCoverage.Gap::toString)
        .contains("o1.video.fps [kirin_video_o1]: a case names a rule id that is not in the spec's x-kirin-rules")
        .contains("o1.video.frame-rate [kirin_video_o1]: no break case in cases/kirin_video_o1.yaml");
  }

  @Test
  @DisplayName("a misspelt key in a case is refused, naming the file, the case and the key")
  void misspeltKeysAreRefused() throws Exception {
    var tree = new ObjectMapper(new YAMLFactory()).readTree("""
        model: kirin_v3_t2v
        base: {model: kirin_v3_t2v, prompt: x}
        cases:
          - rule: v3.prompt.required-unless-multi-shot
            break: no prompt
            remvoe: [prompt]
        """);
    assertThatThrownBy(() -> CaseFiles.parse("kirin_v3_t2v", "cases/kirin_v3_t2v.yaml", tree))
        .hasMessageContaining("cases/kirin_v3_t2v.yaml case 1 (v3.prompt.required-unless-multi-shot)")
        .hasMessageContaining("unknown key 'remvoe'");
  }
}

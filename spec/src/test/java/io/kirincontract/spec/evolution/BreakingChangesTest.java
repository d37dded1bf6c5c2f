package io.kirincontract.spec.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of breaking change, made to a copy of the spec, fails the gate and is named in its message. */
class BreakingChangesTest {

  private static final SemanticVersion RELEASED = SemanticVersion.parse("1.0.0");

  @Test
  void anEnumValueRemovedFromARequestFailsAndNamesTheField() {
    SpecCopy spec = SpecCopy.ofBaseline();
    ArrayNode ratios = (ArrayNode) spec.schema("KirinV2MasterT2vRequest").with("properties").with("aspect_ratio")
        .get("enum");
    SpecCopy.removeIf(ratios, value -> value.asText().equals("1:1"));

    String message = failure(spec);

    assertThat(message)
        .contains("POST /v1/videos/generations request (kirin_v2_master_t2v), aspect_ratio: enum value \"1:1\" removed");
  }

  @Test
  void anOptionalRequestFieldMadeRequiredFailsAndNamesTheField() {
    SpecCopy spec = SpecCopy.ofBaseline();
    ((ArrayNode) spec.schema("KirinV2MasterT2vRequest").get("required")).add("negative_prompt");

    assertThat(failure(spec)).contains(
        "POST /v1/videos/generations request (kirin_v2_master_t2v), negative_prompt: optional field made required");
  }

  @Test
  void aFieldRemovedFromAResponseFailsAndNamesTheFieldAndEveryPathThatReturnsIt() {
    SpecCopy spec = SpecCopy.ofBaseline();
    spec.schema("Task").with("properties").remove("external_task_id");

    assertThat(failure(spec))
        .contains("POST /v1/videos/generations response 200")
        .contains("GET /v1/videos/generations/{task_id} response 200")
        .contains("external_task_id: field removed");
  }

  @Test
  void aRequestLimitMadeStricterFailsAndNamesTheFieldAndTheLimit() {
    SpecCopy spec = SpecCopy.ofBaseline();
    spec.schema("KirinV2MasterT2vRequest").with("properties").with("negative_prompt").put("maxLength", 2000);

    assertThat(failure(spec)).contains(
        "POST /v1/videos/generations request (kirin_v2_master_t2v), negative_prompt: maxLength changed from 2500 to 2000");
  }

  @Test
  void aChangedRequestDefaultFailsAndSaysToSendTheOldValue() {
    SpecCopy spec = SpecCopy.ofBaseline();
    spec.schema("KirinV2MasterT2vRequest").with("properties").with("duration").put("default", "10");

    ContractGate.Verdict verdict = ContractGate.check(RELEASED, SpecCopy.baseline(), RELEASED, spec.yaml());

    assertThat(verdict.passes()).isFalse();
    assertThat(verdict.changes()).singleElement().satisfies(change -> {
      assertThat(change.describe()).isEqualTo(
          "POST /v1/videos/generations request (kirin_v2_master_t2v), duration: default changed from \"5\" to \"10\"");
      assertThat(change.action()).isEqualTo("send duration = \"5\" explicitly to keep the old behaviour");
    });
  }

  @Test
  void aRuleMadeStricterFailsAndNamesTheRule() {
    SpecCopy spec = SpecCopy.ofBaseline();
    SpecCopy.entry(spec.array("x-kirin-rules"), "id", "o1.prompt.references-resolve").put("mode", "default");

    assertThat(failure(spec))
        .contains("x-kirin-rules, o1.prompt.references-resolve: mode changed from strict to default (stricter)");
  }

  @Test
  void aRuleAddedFailsAndNamesTheRule() {
    SpecCopy spec = SpecCopy.ofBaseline();
    ObjectNode rule = spec.array("x-kirin-rules").addObject();
    rule.put("id", "v2t2v.prompt.no-urls").put("text", "The prompt holds no URL.").put("code", "invalid_parameter")
        .put("status", 400).put("effect", "reject").put("mode", "default").put("source", "reading");
    rule.putArray("models").add("kirin_v2_master_t2v");
    rule.putArray("params").add("prompt");

    assertThat(failure(spec)).contains("x-kirin-rules, v2t2v.prompt.no-urls: rule added (refuses with invalid_parameter)");
  }

  @Test
  void aRuleAppliedToAnotherModelFails() {
    SpecCopy spec = SpecCopy.ofBaseline();
    ((ArrayNode) SpecCopy.entry(spec.array("x-kirin-rules"), "id", "o1.prompt.references-resolve").get("models"))
        .add("kirin_v3_t2v");

    assertThat(failure(spec)).contains("o1.prompt.references-resolve: models added: kirin_v3_t2v");
  }

  @Test
  void anErrorCodeRemovedFailsAndNamesTheCode() {
    SpecCopy spec = SpecCopy.ofBaseline();
    SpecCopy.removeIf(spec.array("x-kirin-error-catalog"), code -> code.path("code").asText().equals("002015095"));

    assertThat(failure(spec)).contains("x-kirin-error-catalog, 002015095: code removed (generation");
  }

  @Test
  void anErrorCodeWhoseStatusChangedFails() {
    SpecCopy spec = SpecCopy.ofBaseline();
    SpecCopy.entry(spec.array("x-kirin-error-catalog"), "code", "006001094").put("status", 503);

    assertThat(failure(spec)).contains("x-kirin-error-catalog, 006001094: HTTP status changed from 429 to 503");
  }

  @Test
  void aBreakingChangePassesOnceTheMajorVersionIsRaised() {
    SpecCopy spec = SpecCopy.ofBaseline().version("2.0.0");
    SpecCopy.removeIf(spec.array("x-kirin-error-catalog"), code -> code.path("code").asText().equals("002015095"));

    ContractGate.Verdict verdict = ContractGate.check(RELEASED, SpecCopy.baseline(), SemanticVersion.parse("2.0.0"),
        spec.yaml());

    assertThat(verdict.passes()).as(verdict.report()).isTrue();
    assertThat(verdict.changes()).extracting(ContractChange::field).containsExactly("002015095");
  }

  @Test
  void aMinorVersionRaiseIsNotEnoughForABreakingChange() {
    SpecCopy spec = SpecCopy.ofBaseline().version("1.1.0");
    SpecCopy.removeIf(spec.array("x-kirin-error-catalog"), code -> code.path("code").asText().equals("002015095"));

    ContractGate.Verdict verdict = ContractGate.check(RELEASED, SpecCopy.baseline(), SemanticVersion.parse("1.1.0"),
        spec.yaml());

    assertThat(verdict.passes()).isFalse();
    assertThat(verdict.problems()).singleElement().asString()
        .contains("1 breaking change since 1.0.0 need a new major version (info.version 2.0.0 or above, now 1.1.0)");
  }

  @Test
  void aVersionBelowTheReleasedOneFails() {
    ContractGate.Verdict verdict = ContractGate.check(SemanticVersion.parse("1.2.0"), SpecCopy.baseline(),
        SemanticVersion.parse("1.1.0"), SpecCopy.baseline());

    assertThat(verdict.problems()).containsExactly("info.version 1.1.0 is below the released 1.2.0");
  }

  /** The gate's failure message for {@code spec} against the baseline released as 1.0.0. */
  private static String failure(SpecCopy spec) {
    ContractGate.Verdict verdict = ContractGate.check(RELEASED, SpecCopy.baseline(), RELEASED, spec.yaml());
    assertThat(verdict.passes()).as("the gate passes a breaking change:\n" + verdict.report()).isFalse();
    List<ContractChange> breaking = verdict.changes().stream().filter(ContractChange::isBreaking).toList();
    assertThat(breaking).isNotEmpty();
    return String.join("\n", verdict.problems());
  }
}

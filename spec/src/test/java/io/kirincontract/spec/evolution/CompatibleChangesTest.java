package io.kirincontract.spec.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Changes that keep clients working pass the gate under the same version and are listed. */
class CompatibleChangesTest {

  private static final SemanticVersion RELEASED = SemanticVersion.parse("1.0.0");

  @Test
  void theSpecAgainstItselfHasNoChange() {
    assertThat(ContractDiff.between(SpecCopy.baseline(), SpecCopy.baseline())).isEmpty();
  }

  @Test
  void anOptionalRequestFieldAddedPassesAndIsListed() {
    SpecCopy spec = SpecCopy.ofBaseline();
    spec.schema("KirinV2MasterT2vRequest").with("properties").putObject("seed").put("type", "integer");

    ContractChange change = passingChange(spec);

    assertThat(change.describe())
        .isEqualTo("POST /v1/videos/generations request (kirin_v2_master_t2v), seed: optional field added (integer)");
    assertThat(change.action()).isEqualTo("nothing; seed can now be sent");
  }

  @Test
  void anEnumValueAddedToARequestPassesAndIsListed() {
    SpecCopy spec = SpecCopy.ofBaseline();
    ((ArrayNode) spec.schema("KirinV2MasterT2vRequest").with("properties").with("aspect_ratio").get("enum"))
        .add("21:9");

    assertThat(passingChange(spec).describe())
        .isEqualTo("POST /v1/videos/generations request (kirin_v2_master_t2v), aspect_ratio: enum value \"21:9\" added");
  }

  @Test
  void aRuleRelaxedPassesAndIsListed() {
    SpecCopy spec = SpecCopy.ofBaseline();
    SpecCopy.entry(spec.array("x-kirin-rules"), "id", "o1.elements.known").put("effect", "ignore");

    assertThat(passingChange(spec).describe())
        .isEqualTo("x-kirin-rules, o1.elements.known: effect changed from reject to ignore");
  }

  @Test
  void aRuleRemovedThatRefusedRequestsPassesAndIsListed() {
    SpecCopy spec = SpecCopy.ofBaseline();
    SpecCopy.removeIf(spec.array("x-kirin-rules"), rule -> rule.path("id").asText().equals("o1.elements.known"));

    assertThat(passingChange(spec).describe()).startsWith("x-kirin-rules, o1.elements.known: rule removed:");
  }

  @Test
  void anErrorCodeAddedPassesAndIsListed() {
    SpecCopy spec = SpecCopy.ofBaseline();
    ObjectNode code = spec.array("x-kirin-error-catalog").addObject();
    code.put("code", "content_refused").put("source", "project").put("kind", "generation")
        .put("message", "Content refused").put("meaning", "The generated video was refused by moderation.");

    assertThat(passingChange(spec).describe())
        .isEqualTo("x-kirin-error-catalog, content_refused: code added (generation: Content refused)");
  }

  /** The one change of {@code spec} against the baseline released as 1.0.0, which the gate passes. */
  private static ContractChange passingChange(SpecCopy spec) {
    ContractGate.Verdict verdict = ContractGate.check(RELEASED, SpecCopy.baseline(), RELEASED, spec.yaml());
    assertThat(verdict.passes()).as(verdict.report()).isTrue();
    assertThat(verdict.changes()).as(verdict.report()).singleElement()
        .satisfies(change -> assertThat(change.isBreaking()).isFalse());
    return verdict.changes().get(0);
  }
}

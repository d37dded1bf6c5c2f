package io.kirincontract.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.conformance.negative.ConstraintKind;
import io.kirincontract.conformance.negative.NegativeCase;
import io.kirincontract.conformance.negative.NegativeCaseGenerator;
import io.kirincontract.spec.KirinSpec;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The generator covers every kind of constraint, and a constraint added to the spec becomes a case by itself. */
class NegativeCaseGeneratorTest {

  private static final KirinSpec SPEC = KirinSpec.load();

  @Test
  @DisplayName("the spec's request schemas give cases of every constraint kind they use")
  void realSpecCoversItsKinds() {
    Map<ConstraintKind, Integer> counts = counts(SPEC);
    assertThat(counts.keySet())
        .contains(ConstraintKind.TYPE, ConstraintKind.ENUM, ConstraintKind.STRING_LENGTH, ConstraintKind.ARRAY_COUNT,
            ConstraintKind.PATTERN, ConstraintKind.FORMAT, ConstraintKind.REQUIRED);
    assertThat(counts.values()).allSatisfy(count -> assertThat(count).isPositive());
  }

  @Test
  @DisplayName("with numeric bounds added to the spec, every constraint kind has more than zero cases")
  void everyKindIsGenerated() {
    KirinSpec augmented = KirinSpec.parse(SPEC.yaml().replace(
        "          description: Position of the shot in the sequence.\n",
        "          description: Position of the shot in the sequence.\n          minimum: 1\n          maximum: 6\n"));
    Map<ConstraintKind, Integer> counts = counts(augmented);
    for (ConstraintKind kind : ConstraintKind.values()) {
      assertThat(counts.getOrDefault(kind, 0)).as("cases of kind %s", kind).isPositive();
    }
    List<String> rules = new NegativeCaseGenerator(augmented, UnaryOperator.identity()).generate("kirin_v3_t2v")
        .stream().map(NegativeCase::rule).toList();
    assertThat(rules).contains("v3t2v.multi_prompt.index.minimum", "v3t2v.multi_prompt.index.maximum");
  }

  @Test
  @DisplayName("each case breaks one constraint, with the field's code and derived rule id from the spec")
  void casesCarryCodesAndRuleIds() {
    List<NegativeCase> cases = new NegativeCaseGenerator(SPEC, UnaryOperator.identity()).generate();
    assertThat(cases).anySatisfy(c -> {
      assertThat(c.rule()).isEqualTo("o1.prompt.max-length");
      assertThat(c.code()).isEqualTo("002015002");
      assertThat(c.request().path("prompt").asText()).hasSize(2501);
    });
    assertThat(cases).anySatisfy(c -> {
      assertThat(c.rule()).isEqualTo("v21i2v.image.required");
      assertThat(c.code()).isEqualTo("8002009001");
      assertThat(c.request().has("image")).isFalse();
    });
    assertThat(cases).anySatisfy(c -> {
      assertThat(c.rule()).isEqualTo("v3t2v.multi_prompt.duration.pattern");
      assertThat(c.param()).isEqualTo("multi_prompt[0].duration");
    });
    assertThat(cases).noneMatch(c -> c.path().equals("model"));
    // image and image_tail state one rule in their maxLength (x-kirin-rule-ids): one rule id, two distinct cases
    assertThat(cases)
        .filteredOn(c -> c.rule().equals("v3i2v.image.max-size"))
        .extracting(NegativeCase::param)
        .containsExactlyInAnyOrder("image", "image_tail");
    assertThat(cases).extracting(NegativeCase::displayName).doesNotHaveDuplicates();
  }

  private static Map<ConstraintKind, Integer> counts(KirinSpec spec) {
    Map<ConstraintKind, Integer> counts = new EnumMap<>(ConstraintKind.class);
    new NegativeCaseGenerator(spec, UnaryOperator.identity()).generate()
        .forEach(c -> counts.merge(c.kind(), 1, Integer::sum));
    return counts;
  }
}

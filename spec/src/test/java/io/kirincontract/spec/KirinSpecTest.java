package io.kirincontract.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KirinSpecTest {

  private static final KirinSpec SPEC = KirinSpec.load();

  @Test
  void loadsTheFiveModelsInMappingOrderWithTheirSchemasAndRulePrefixes() {
    assertThat(SPEC.models())
        .containsExactly(
            new ModelDef("kirin_v3_t2v", "KirinV3T2vRequest", "v3t2v"),
            new ModelDef("kirin_video_o1", "KirinVideoO1Request", "o1"),
            new ModelDef("kirin_v3_i2v", "KirinV3I2vRequest", "v3i2v"),
            new ModelDef("kirin_v2_master_t2v", "KirinV2MasterT2vRequest", "v2t2v"),
            new ModelDef("kirin_v2_1_master_i2v", "KirinV21MasterI2vRequest", "v21i2v"));
    assertThat(SPEC.model("kirin_nope")).isEmpty();
  }

  @Test
  void keepsTheRawYamlText() {
    assertThat(SPEC.yaml()).startsWith("openapi: 3.0.3").contains("x-kirin-rules:");
  }

  @Test
  void readsEveryRuleWithItsTypedFields() {
    List<RuleDef> rules = SPEC.rules();
    assertThat(rules).hasSizeGreaterThan(40);
    Set<String> ids = new HashSet<>();
    rules.forEach(rule -> assertThat(ids.add(rule.id())).as("unique id %s", rule.id()).isTrue());

    RuleDef sum = SPEC.rule("v3.multi-shot.durations-sum").orElseThrow();
    assertThat(sum.models()).containsExactly("kirin_v3_t2v", "kirin_v3_i2v");
    assertThat(sum.params()).containsExactly("multi_prompt.duration", "duration");
    assertThat(sum.code()).isEqualTo("invalid_parameter");
    assertThat(sum.status()).isEqualTo(400);
    assertThat(sum.effect()).isEqualTo(RuleDef.Effect.REJECT);
    assertThat(sum.mode()).isEqualTo(RuleDef.Mode.DEFAULT);
    assertThat(sum.source()).isEqualTo("seed");

    RuleDef ignored = SPEC.rule("v3.multi-shot.prompt-ignored").orElseThrow();
    assertThat(ignored.effect()).isEqualTo(RuleDef.Effect.IGNORE);
    assertThat(ignored.code()).isNull();
    assertThat(ignored.status()).isNull();

    assertThat(SPEC.rule("o1.prompt.references-resolve").orElseThrow().mode()).isEqualTo(RuleDef.Mode.STRICT);
    assertThat(SPEC.rule("o1.elements.known").orElseThrow().mode()).isEqualTo(RuleDef.Mode.LIBRARY);
    assertThat(SPEC.rule("v21i2v.image.aspect-ratio").orElseThrow().code()).isEqualTo("8002009005");
  }

  @Test
  void filtersRulesByModel() {
    assertThat(SPEC.rulesFor("kirin_v2_master_t2v"))
        .extracting(RuleDef::id)
        .containsExactly("v2t2v.callback-url.deliverable");
    assertThat(SPEC.rulesFor("kirin_v2_1_master_i2v"))
        .extracting(RuleDef::id)
        .allMatch(id -> id.startsWith("v21i2v."));
  }

  @Test
  void readsTheErrorCatalogWithSeedAndProjectCodes() {
    ErrorCodeDef jwt = SPEC.errorCode("8002009006").orElseThrow();
    assertThat(jwt.models()).containsExactly("kirin_v2_1_master_i2v");
    assertThat(jwt.isSeed()).isTrue();
    assertThat(jwt.kind()).isEqualTo("request");
    assertThat(jwt.status()).isEqualTo(401);
    assertThat(jwt.message()).isEqualTo("JWT authentication failed");

    ErrorCodeDef invalid = SPEC.errorCode("invalid_parameter").orElseThrow();
    assertThat(invalid.isSeed()).isFalse();
    assertThat(invalid.models()).isEmpty();
    assertThat(invalid.status()).isEqualTo(400);

    assertThat(SPEC.errorCode("002015095").orElseThrow().status()).isNull();
    assertThat(SPEC.errorCatalog()).extracting(ErrorCodeDef::code).contains("route_not_found", "0");
  }

  @Test
  void looksUpPerFieldCodesByKeywordThenDefaultThenTheProjectCode() {
    assertThat(SPEC.fieldCode("kirin_video_o1", "prompt", "maxLength")).isEqualTo("002015002");
    assertThat(SPEC.fieldCode("kirin_video_o1", "prompt", "required")).isEqualTo("002015001");
    assertThat(SPEC.fieldCode("kirin_video_o1", "prompt", "type")).isEqualTo("invalid_parameter");
    assertThat(SPEC.fieldCode("kirin_v2_1_master_i2v", "image", "required")).isEqualTo("8002009001");
    assertThat(SPEC.fieldCode("kirin_v2_1_master_i2v", "image", "type")).isEqualTo("8002009002");
    assertThat(SPEC.fieldCode("kirin_v2_1_master_i2v", "duration", "enum")).isEqualTo("8002009004");
    assertThat(SPEC.fieldCode("kirin_v3_t2v", "model", "enum")).isEqualTo("unknown_model");
    assertThat(SPEC.fieldCode("kirin_v3_t2v", "multi_prompt[2].prompt", "maxLength")).isEqualTo("invalid_parameter");
    assertThat(SPEC.fieldCode("kirin_v3_t2v", "no_such_field", "type")).isEqualTo("invalid_parameter");
    assertThat(SPEC.fieldCode("kirin_nope", "prompt", "type")).isEqualTo("invalid_parameter");
  }

  @Test
  void anImagesLengthAnswersWithTheIdAndCodeOfTheRuleItStates() {
    Map<String, List<String>> imagePaths =
        Map.of(
            "kirin_v3_i2v", List.of("image", "image_tail"),
            "kirin_v2_1_master_i2v", List.of("image"),
            "kirin_video_o1", List.of("image_list[0].image_url"));
    imagePaths.forEach(
        (model, paths) ->
            paths.forEach(
                path ->
                    Map.of("maxLength", "image.max-size")
                        .forEach(
                            (keyword, rule) -> {
                              String id = SPEC.model(model).orElseThrow().rulePrefix() + "." + rule;
                              RuleDef stated =
                                  SPEC.rulesFor(model).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
                              assertThat(SPEC.fieldRuleId(model, path, keyword)).as("%s %s %s", model, path, keyword)
                                  .isEqualTo(id);
                              assertThat(SPEC.fieldCode(model, path, keyword)).as("%s %s %s", model, path, keyword)
                                  .isEqualTo(stated.code());
                            })));
    assertThat(SPEC.fieldRuleId("kirin_v3_i2v", "image", "type")).isEqualTo("v3i2v.image.type");
    assertThat(SPEC.fieldRuleId("kirin_v3_i2v", "image", "pattern")).isEqualTo("v3i2v.image.pattern");
  }

  @Test
  void derivesFieldRuleIdsFromThePrefixThePathWithoutIndexesAndTheKeywordInKebabCase() {
    assertThat(SPEC.fieldRuleId("kirin_video_o1", "prompt", "maxLength")).isEqualTo("o1.prompt.max-length");
    assertThat(SPEC.fieldRuleId("kirin_v3_t2v", "multi_prompt[1].prompt", "maxLength"))
        .isEqualTo("v3t2v.multi_prompt.prompt.max-length");
    assertThat(SPEC.fieldRuleId("kirin_v3_t2v", "duration", "type")).isEqualTo("v3t2v.duration.type");
    assertThat(SPEC.fieldRuleId("kirin_v2_1_master_i2v", "image", "required")).isEqualTo("v21i2v.image.required");
    assertThat(KirinSpec.kebab("minItems")).isEqualTo("min-items");
    assertThatThrownBy(() -> SPEC.fieldRuleId("kirin_nope", "prompt", "type"))
        .isInstanceOf(KirinSpecException.class)
        .hasMessageContaining("kirin_nope");
  }

  @Test
  void resolvesFieldSchemasThroughReferencesAndArrayItems() {
    assertThat(SPEC.fieldSchema("kirin_v3_t2v", "multi_prompt[0].duration").orElseThrow().getPattern())
        .isEqualTo("^[0-9]{1,2}$");
    assertThat(SPEC.fieldSchema("kirin_v3_t2v", "watermark_info.enabled").orElseThrow().getType())
        .isEqualTo("boolean");
    List<Object> referTypes = List.copyOf(SPEC.fieldSchema("kirin_video_o1", "video_list.refer_type").orElseThrow().getEnum());
    assertThat(referTypes).containsExactly("feature", "base");
    assertThat(SPEC.fieldSchema("kirin_v3_t2v", "multi_prompt.nope")).isEmpty();
    assertThat(SPEC.requestSchema("kirin_video_o1").getRequired()).containsExactly("model", "prompt");
  }

  @Test
  void readsTheCreateRequestExamplesAsJsonTrees() {
    Map<String, JsonNode> examples = SPEC.requestExamples();
    assertThat(examples).containsKeys("v3T2vSingleShot", "o1VideoEdit", "v21MasterI2v");
    assertThat(examples.get("v3T2vMultiShot").path("multi_prompt").size()).isEqualTo(3);
    examples.values().forEach(example -> assertThat(SPEC.model(example.path("model").asText())).isPresent());
  }

  @Test
  void refusesASpecWithoutTheRuleList() {
    String yaml = SPEC.yaml().replace("x-kirin-rules:", "x-other-rules:");
    assertThatThrownBy(() -> KirinSpec.parse(yaml))
        .isInstanceOf(KirinSpecException.class)
        .hasMessageContaining("x-kirin-rules");
  }
}

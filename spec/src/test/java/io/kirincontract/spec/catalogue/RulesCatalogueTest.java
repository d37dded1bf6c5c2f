package io.kirincontract.spec.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.spec.ErrorCodeDef;
import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.ModelDef;
import io.kirincontract.spec.RuleDef;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulesCatalogueTest {

  private static final KirinSpec SPEC = KirinSpec.load();
  private static final CataloguePage PAGE = new CataloguePage(RulesCatalogue.render(SPEC));

  private static final String O1 = "kirin_video_o1";
  private static final String V21_I2V = "kirin_v2_1_master_i2v";

  @Test
  void rendersTheSamePageEveryTimeWithOneFinalNewline() {
    String again = RulesCatalogue.render(KirinSpec.load());

    assertThat(again).isEqualTo(PAGE.text()).endsWith("\n").doesNotEndWith("\n\n").doesNotContain("\r");
  }

  @Test
  void opensWithHowToReadItThatItIsGeneratedAndTheCommandThatRegeneratesIt() {
    String intro = PAGE.text().substring(0, PAGE.text().indexOf("\n## Models"));

    assertThat(intro)
        .startsWith("# Rules catalogue\n")
        .contains("Generated, do not edit")
        .contains("## How to read it")
        .contains(RulesCatalogue.REGENERATE_COMMAND);
  }

  @Test
  void hasOneSectionPerModelInTheSpecsOrderThenTheProjectCodes() {
    List<String> headings =
        PAGE.text().lines().filter(line -> line.startsWith("## ")).map(line -> line.substring(3)).toList();

    List<String> expected = new ArrayList<>(List.of("How to read it", "Models"));
    expected.addAll(SPEC.modelIds());
    expected.add("Project codes");
    assertThat(headings).containsExactlyElementsOf(expected);
  }

  @Test
  void namesEachModelsTitleSchemaRulePrefixAndOutputResolution() {
    assertThat(PAGE.section("kirin_v3_t2v"))
        .contains("**Kirin V3 text to video**: request schema `KirinV3T2vRequest`, rule prefix `v3t2v`.")
        .contains("Output resolution: `std` 720p, `pro` 1080p, 24 fps.");
    assertThat(PAGE.section("kirin_v2_master_t2v")).contains("Output resolution: 720p at 24 fps.");
    assertThat(PAGE.section(V21_I2V)).contains("Output resolution: 1080p at 24 fps.");
  }

  @Test
  void listsEveryRuleIdOfTheSpecInTheRuleTableOfEachOfItsModels() {
    assertThat(SPEC.rules()).isNotEmpty();
    for (RuleDef rule : SPEC.rules()) {
      for (String model : SPEC.modelIds()) {
        assertThat(PAGE.row(PAGE.section(model), "`" + rule.id() + "`"))
            .as("rule %s in the section of %s", rule.id(), model)
            .matches(row -> row.isPresent() == rule.appliesTo(model));
      }
    }
  }

  @Test
  void givesEachRuleItsParamsEffectModeSourceCodeAndStatus() {
    List<String> sum = PAGE.row(PAGE.section("kirin_v3_i2v"), "`v3.multi-shot.durations-sum`").orElseThrow();
    List<String> ignored = PAGE.row(PAGE.section(O1), "`o1.duration.ignored-with-base-video`").orElseThrow();

    assertThat(sum)
        .containsExactly(
            "`v3.multi-shot.durations-sum`",
            "`multi_prompt.duration`, `duration`",
            "The durations of all shots add up to the task's duration.",
            "reject",
            "default",
            "seed",
            "`invalid_parameter`",
            "400");
    assertThat(ignored.subList(3, 8)).containsExactly("ignore", "default", "seed", "", "");
  }

  @Test
  void listsEveryCodeOfTheErrorCatalog() {
    for (ErrorCodeDef def : SPEC.errorCatalog()) {
      String code = "`" + def.code() + "`";
      if (def.isSeed()) {
        def.models()
            .forEach(model -> assertThat(PAGE.row(PAGE.section(model), code)).as("%s in %s", code, model).isPresent());
      } else {
        assertThat(PAGE.row(PAGE.section("Project codes"), code)).as("project code %s", code).isPresent();
      }
    }
  }

  @Test
  void givesEachCodeItsKindStatusMessageAndMeaning() {
    assertThat(PAGE.row(PAGE.section(V21_I2V), "`8002009006`").orElseThrow())
        .containsExactly(
            "`8002009006`",
            "request",
            "401",
            "JWT authentication failed",
            "A create request for this model came without a valid bearer key.");
    assertThat(PAGE.row(PAGE.section(O1), "`002015099`").orElseThrow().subList(1, 3))
        .containsExactly("generation", "");
  }

  @Test
  void listsOnlyProjectCodesInTheProjectSection() {
    List<String> listed = firstCells(PAGE.section("Project codes"));

    assertThat(listed)
        .containsExactlyElementsOf(
            SPEC.errorCatalog().stream().filter(def -> !def.isSeed()).map(def -> "`" + def.code() + "`").toList());
  }

  @Test
  void listsEveryPropertyOfEveryModelIncludingNestedOnesInTheSpecsOrder() {
    for (ModelDef model : SPEC.models()) {
      List<String> expected = new ArrayList<>();
      propertyNames(SPEC.requestSchema(model.id()), "", expected);
      String parameters = parameterTable(model.id());

      assertThat(firstCells(parameters)).as("parameters of %s", model.id()).containsExactlyElementsOf(expected);
    }
    assertThat(parameterTable("kirin_v3_t2v"))
        .contains("| `multi_prompt[].duration` |", "| `watermark_info.enabled` |");
    assertThat(parameterTable(O1)).contains("| `image_list[].type` |", "| `video_list[].refer_type` |");
  }

  @Test
  void givesEachPropertyItsTypeRequiredValuesDefaultLimitsAndDescription() {
    List<String> duration = parameterRow("kirin_v3_t2v", "multi_prompt[].duration");
    List<String> referType = parameterRow(O1, "video_list[].refer_type");
    List<String> watermark = parameterRow("kirin_v2_master_t2v", "watermark_info");

    assertThat(duration.subList(1, 6)).containsExactly("string", "yes", "", "", "pattern: `^[0-9]{1,2}$`");
    assertThat(referType.subList(1, 5)).containsExactly("string", "no", "`feature`, `base`", "`base`");
    assertThat(parameterRow(O1, "video_list").get(1)).isEqualTo("array of object (O1VideoReference)");
    assertThat(parameterRow(O1, "prompt").get(5)).isEqualTo("minLength: `1`<br>maxLength: `2500`");
    assertThat(parameterRow(O1, "callback_url").get(5)).isEqualTo("format: `uri`<br>maxLength: `2048`");
    assertThat(watermark.get(1)).isEqualTo("object (WatermarkInfo)");
    assertThat(watermark.get(9)).startsWith("Whether to also produce a watermarked result");
  }

  @Test
  void givesEachPropertyItsDerivedRuleIdsAndTheCodeOfEachKeyword() {
    List<String> shotPrompt = parameterRow("kirin_v3_t2v", "multi_prompt[].prompt");

    assertThat(shotPrompt.get(6))
        .isEqualTo(
            "`v3t2v.multi_prompt.prompt.required`<br>`v3t2v.multi_prompt.prompt.type`"
                + "<br>`v3t2v.multi_prompt.prompt.max-length`");
    assertThat(shotPrompt.get(7))
        .isEqualTo("required: `invalid_parameter`<br>type: `invalid_parameter`<br>maxLength: `invalid_parameter`");
    assertThat(parameterRow("kirin_v3_t2v", "callback_url").get(6)).contains("`v3t2v.callback_url.format`");
    assertThat(parameterRow("kirin_v3_t2v", "multi_prompt[].index").get(6))
        .as("an integer's format is part of its type check")
        .doesNotContain("format");
  }

  @Test
  void putsTheSeedCodesOnTheRightFields() {
    List<String> o1Prompt = parameterRow(O1, "prompt");
    List<String> image = parameterRow(V21_I2V, "image");
    List<String> duration = parameterRow(V21_I2V, "duration");

    assertThat(o1Prompt.get(6)).contains("`o1.prompt.required`", "`o1.prompt.min-length`", "`o1.prompt.max-length`");
    assertThat(o1Prompt.get(7))
        .isEqualTo(
            "required: `002015001`<br>type: `invalid_parameter`<br>minLength: `002015001`<br>maxLength: `002015002`");
    assertThat(image.get(6)).contains("`v21i2v.image.required`");
    assertThat(image.get(7))
        .isEqualTo(
            "required: `8002009001`<br>type: `8002009002`<br>minLength: `8002009001`<br>maxLength: `8002009002`");
    assertThat(duration.get(7)).isEqualTo("type: `8002009004`<br>enum: `8002009004`");
    assertThat(parameterRow("kirin_v2_master_t2v", "prompt").get(7)).doesNotContain("002015");
    assertThat(parameterTable("kirin_v3_i2v")).doesNotContain("8002009");
  }

  @Test
  void namesTheCrossFieldRulesThatReadEachProperty() {
    assertThat(parameterRow("kirin_v3_t2v", "multi_prompt[].duration").get(8))
        .isEqualTo("`v3.multi-shot.shot-duration-range`<br>`v3.multi-shot.durations-sum`");
    assertThat(parameterRow(V21_I2V, "image").get(8)).contains("`v21i2v.image.aspect-ratio`");
    assertThat(parameterRow(V21_I2V, "prompt").get(8)).isEmpty();
  }

  @Test
  void everyTableRowHasAsManyCellsAsItsHeader() {
    int columns = -1;
    for (String line : PAGE.text().lines().toList()) {
      if (!line.startsWith("|")) {
        columns = -1;
        continue;
      }
      int cells = CataloguePage.cells(line).size();
      if (columns < 0) {
        columns = cells;
      }
      assertThat(cells).as("cells of %s", line).isEqualTo(columns);
    }
  }

  private static String parameterTable(String modelId) {
    String section = PAGE.section(modelId);
    int from = section.indexOf("### " + modelId + " parameters");
    return section.substring(from, section.indexOf("\n### ", from));
  }

  private static List<String> firstCells(String table) {
    return table.lines().filter(line -> line.startsWith("| `")).map(line -> CataloguePage.cells(line).get(0)).toList();
  }

  private static List<String> parameterRow(String modelId, String name) {
    return PAGE.row(parameterTable(modelId), "`" + name + "`").orElseThrow(() -> new AssertionError(name));
  }

  /** The names the catalogue must list, walked here without the catalogue's own code. */
  @SuppressWarnings("rawtypes")
  private static void propertyNames(Schema<?> declared, String prefix, List<String> out) {
    Schema<?> schema = SPEC.resolve(declared);
    if (schema.getItems() != null) {
      schema = SPEC.resolve(schema.getItems());
    }
    Map<String, Schema> properties = schema.getProperties();
    if (properties == null) {
      return;
    }
    properties.forEach(
        (name, property) -> {
          out.add("`" + prefix + name + "`");
          String nested = "array".equals(SPEC.resolve(property).getType()) ? "[]." : ".";
          propertyNames(property, prefix + name + nested, out);
        });
  }
}

package io.kirincontract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.spec.KirinExtensions.CatalogEntry;
import io.kirincontract.spec.KirinExtensions.Rule;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RuleConsistencyTest {

  /** The JSON Schema keywords a per-field error code may be keyed by ({@code info.description}). */
  private static final Set<String> KEYWORDS =
      Set.of(
          "required", "type", "enum", "minLength", "maxLength", "minItems", "maxItems", "pattern", "minimum",
          "maximum", "format");

  private static final String PROJECT_DEFAULT_CODE = "invalid_parameter";

  private final OpenAPI openApi = Spec.parsed().getOpenAPI();
  private final RequestSchemas requests = new RequestSchemas(openApi);
  private final List<Rule> rules = KirinExtensions.rules(openApi);
  private final Map<String, Rule> rulesById =
      rules.stream().collect(Collectors.toMap(Rule::id, Function.identity(), (a, b) -> a));
  private final Map<String, CatalogEntry> catalog =
      KirinExtensions.catalog(openApi).stream()
          .collect(Collectors.toMap(CatalogEntry::code, Function.identity(), (a, b) -> a));

  @Test
  void ruleIdsAreUniqueAndWellFormed() {
    assertThat(rules).isNotEmpty().extracting(Rule::id).doesNotHaveDuplicates();
    assertThat(rules)
        .extracting(Rule::id)
        .allSatisfy(id -> assertThat(id).matches("[a-z0-9]+(\\.[a-z0-9_-]+)+"));
  }

  @Test
  void everyRuleIdStartsWithARulePrefixSharedByItsModels() {
    assertThat(rules)
        .allSatisfy(
            rule -> {
              String head = rule.id().substring(0, rule.id().indexOf('.'));
              assertThat(rule.models())
                  .as("models of %s", rule.id())
                  .allSatisfy(model -> assertThat(requests.rulePrefix(model)).startsWith(head));
            });
  }

  @Test
  void everyRuleNamesOnlyModelIds() {
    assertThat(rules)
        .allSatisfy(
            rule ->
                assertThat(rule.models())
                    .as("models of %s", rule.id())
                    .isNotEmpty()
                    .doesNotHaveDuplicates()
                    .isSubsetOf(RequestSchemas.MODEL_IDS));
  }

  @Test
  void everyRuleParamIsAPropertyOfEachOfItsModelsRequestSchemas() {
    assertThat(rules)
        .allSatisfy(
            rule ->
                assertThat(rule.params())
                    .as("params of %s", rule.id())
                    .isNotEmpty()
                    .allSatisfy(
                        param ->
                            assertThat(rule.models())
                                .allSatisfy(
                                    model ->
                                        assertThat(requests.property(requests.forModel(model), param))
                                            .as("%s of %s in %s", param, rule.id(), model)
                                            .isPresent())));
  }

  @Test
  void everyRuleIsCompleteForItsEffectModeAndSource() {
    assertThat(rules)
        .allSatisfy(
            rule -> {
              assertThat(rule.text()).as("text of %s", rule.id()).isNotBlank();
              assertThat(rule.effect()).as("effect of %s", rule.id()).isIn("reject", "ignore");
              assertThat(rule.mode()).as("mode of %s", rule.id()).isIn("default", "strict", "library");
              assertThat(rule.source()).as("source of %s", rule.id()).isIn("seed", "reading");
              if (rule.effect().equals("reject")) {
                assertThat(rule.code()).as("code of %s", rule.id()).isNotBlank();
                assertThat(rule.status()).as("status of %s", rule.id()).isNotNull();
              } else {
                assertThat(rule.code()).as("an ignore rule has no code: %s", rule.id()).isNull();
                assertThat(rule.status()).as("an ignore rule has no status: %s", rule.id()).isNull();
                assertThat(rule.mode()).as("an ignore rule always applies: %s", rule.id()).isEqualTo("default");
              }
            });
  }

  @Test
  void everyRuleCodeIsARequestCodeOfTheCatalogWithTheRulesStatusAndModels() {
    assertThat(rules)
        .filteredOn(rule -> rule.code() != null)
        .allSatisfy(
            rule -> {
              CatalogEntry entry = catalog.get(rule.code());
              assertThat(entry).as("catalog entry of %s (%s)", rule.code(), rule.id()).isNotNull();
              assertThat(entry.kind()).as("kind of %s (%s)", rule.code(), rule.id()).isEqualTo("request");
              assertThat(rule.status()).as("status of %s", rule.id()).isEqualTo(entry.status());
              if (entry.models() != null) {
                assertThat(entry.models()).as("models of %s (%s)", rule.code(), rule.id()).containsAll(rule.models());
              }
            });
  }

  @Test
  void everyPerFieldErrorCodeAnywhereInTheSpecIsInTheCatalog() {
    List<JsonNode> maps = Spec.tree().findValues("x-kirin-error-codes");

    assertThat(maps).isNotEmpty();
    assertThat(maps)
        .allSatisfy(
            codes ->
                codes
                    .fields()
                    .forEachRemaining(
                        e -> {
                          assertThat(e.getKey()).as("keyword").isIn(withDefault(KEYWORDS));
                          assertThat(e.getValue().isTextual()).as("%s is a quoted string", e.getValue()).isTrue();
                          assertThat(catalog).as("catalog").containsKey(e.getValue().asText());
                        }));
  }

  @Test
  void everyPerFieldErrorCodeIsARequestCodeOfTheModelWhoseSchemaUsesIt() {
    RequestSchemas.MODEL_IDS.forEach(
        model ->
            fieldCodes(model)
                .forEach(
                    (path, codes) ->
                        codes.forEach(
                            (keyword, code) -> {
                              CatalogEntry entry = catalog.get(code);
                              assertThat(entry).as("catalog entry of %s (%s %s)", code, model, path).isNotNull();
                              assertThat(entry.kind()).as("kind of %s", code).isEqualTo("request");
                              assertThat(entry.status()).as("status of %s", code).isEqualTo(400);
                              if (entry.models() != null) {
                                assertThat(entry.models()).as("models of %s (%s %s)", code, model, path).contains(model);
                              }
                            })));
  }

  @Test
  void theSeedsPerFieldCodesAreWhereTheSeedsPutThem() {
    String o1 = "kirin_video_o1";
    String v21 = "kirin_v2_1_master_i2v";

    assertThat(code(o1, "prompt", "required")).isEqualTo("002015001");
    assertThat(code(o1, "prompt", "minLength")).isEqualTo("002015001");
    assertThat(code(o1, "prompt", "maxLength")).isEqualTo("002015002");
    assertThat(code(v21, "image", "required")).isEqualTo("8002009001");
    assertThat(code(v21, "image", "minLength")).isEqualTo("8002009001");
    assertThat(code(v21, "prompt", "maxLength")).isEqualTo("8002009003");
    assertThat(code(v21, "prompt", "type")).isEqualTo("8002009003");
    assertThat(code(v21, "duration", "enum")).isEqualTo("8002009004");
    assertThat(code(v21, "duration", "type")).isEqualTo("8002009004");
  }

  @Test
  void theFieldsCarryingSeedCodesHaveTheKeywordsTheCodesAreFor() {
    Schema<?> o1 = requests.forModel("kirin_video_o1");
    Schema<?> v21 = requests.forModel("kirin_v2_1_master_i2v");

    assertThat(o1.getRequired()).contains("prompt");
    assertThat(property(o1, "prompt").getMinLength()).isEqualTo(1);
    assertThat(property(o1, "prompt").getMaxLength()).isEqualTo(2500);
    assertThat(v21.getRequired()).contains("image");
    assertThat(property(v21, "image").getMinLength()).isEqualTo(1);
    assertThat(property(v21, "prompt").getMaxLength()).isEqualTo(2500);
    assertThat(List.<Object>copyOf(property(v21, "duration").getEnum())).containsExactly("5", "10");
  }

  @Test
  void everySeedCodeFor400IsUsedByARuleOrAField() {
    Set<String> used = new HashSet<>();
    rules.stream().map(Rule::code).forEach(used::add);
    RequestSchemas.MODEL_IDS.forEach(model -> fieldCodes(model).values().forEach(codes -> used.addAll(codes.values())));

    assertThat(catalog.values())
        .filteredOn(entry -> "seed".equals(entry.source()) && Integer.valueOf(400).equals(entry.status()))
        .extracting(CatalogEntry::code)
        .allSatisfy(code -> assertThat(used).as("codes used by rules and fields").contains(code));
  }

  @Test
  void everyRuleNamedByAnExampleExistsAndGivesTheExamplesCode() {
    List<JsonNode> named = new ArrayList<>();
    Spec.tree().at("/components/examples").forEach(example -> named.addAll(example.findParents("rule")));

    assertThat(named).isNotEmpty();
    assertThat(named)
        .allSatisfy(
            node -> {
              String rule = node.get("rule").asText();
              Optional<String> code = codeOfRule(rule);
              assertThat(code).as("rule %s is in x-kirin-rules or a per-field rule id", rule).isPresent();
              if (node.has("code")) {
                assertThat(node.get("code").asText()).as("code of an error naming %s", rule).isEqualTo(code.get());
              }
            });
  }

  @Test
  void noVendorExtensionSitsBesideARefWhereOpenApi303WouldDropIt() {
    List<String> dropped = new ArrayList<>();
    collectExtensionsBesideRefs(Spec.tree(), "", dropped);

    assertThat(dropped).isEmpty();
  }

  private static void collectExtensionsBesideRefs(JsonNode node, String at, List<String> dropped) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> {
                if (node.has("$ref") && e.getKey().startsWith("x-")) {
                  dropped.add(at + "/" + e.getKey());
                }
                collectExtensionsBesideRefs(e.getValue(), at + "/" + e.getKey(), dropped);
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectExtensionsBesideRefs(node.get(i), at + "/" + i, dropped);
      }
    }
  }

  /**
   * The code a rule id gives: an {@code x-kirin-rules} entry's code, or for a per-field id ({@code
   * prefix.path.keyword-in-kebab-case}) the code of the property's {@code x-kirin-error-codes}.
   */
  private Optional<String> codeOfRule(String id) {
    if (rulesById.containsKey(id)) {
      return Optional.ofNullable(rulesById.get(id).code()).or(() -> Optional.of("(ignore)"));
    }
    String[] parts = id.split("\\.");
    if (parts.length < 3) {
      return Optional.empty();
    }
    Optional<String> model =
        RequestSchemas.MODEL_IDS.stream().filter(m -> requests.rulePrefix(m).equals(parts[0])).findFirst();
    String keyword = camelCase(parts[parts.length - 1]);
    String path = String.join(".", List.of(parts).subList(1, parts.length - 1));
    if (model.isEmpty() || !KEYWORDS.contains(keyword)) {
      return Optional.empty();
    }
    if (requests.property(requests.forModel(model.get()), path).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(code(model.get(), path, keyword));
  }

  /** The error code a model's server returns when {@code path} breaks {@code keyword}. */
  private String code(String model, String path, String keyword) {
    Map<String, String> codes = fieldCodes(model).getOrDefault(path, Map.of());
    return codes.getOrDefault(keyword, codes.getOrDefault("default", PROJECT_DEFAULT_CODE));
  }

  /** Every property path of a model's request (nested through {@code $ref} and {@code items}) with its codes. */
  private Map<String, Map<String, String>> fieldCodes(String model) {
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    collectFieldCodes(requests.forModel(model), "", result, 0);
    return result;
  }

  private void collectFieldCodes(
      Schema<?> schema, String prefix, Map<String, Map<String, String>> result, int depth) {
    Schema<?> object = requests.elementOf(schema);
    if (object.getProperties() == null || depth > 8) {
      return;
    }
    object
        .getProperties()
        .forEach(
            (name, property) -> {
              String path = prefix + name;
              Map<String, String> codes = new HashMap<>(KirinExtensions.errorCodes(requests.deref(property).getExtensions()));
              codes.putAll(KirinExtensions.errorCodes(property.getExtensions()));
              if (!codes.isEmpty()) {
                result.put(path, codes);
              }
              collectFieldCodes(property, path + ".", result, depth + 1);
            });
  }

  private Schema<?> property(Schema<?> schema, String path) {
    return requests.property(schema, path).orElseThrow();
  }

  private static Set<String> withDefault(Set<String> keywords) {
    Set<String> result = new HashSet<>(keywords);
    result.add("default");
    return result;
  }

  private static String camelCase(String kebab) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : kebab.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}

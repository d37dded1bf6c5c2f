package io.kirincontract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestDiscriminatorTest {

  private final OpenAPI openApi = Spec.parsed().getOpenAPI();
  private final RequestSchemas requests = new RequestSchemas(openApi);
  private final Schema<?> request = requests.schema(RequestSchemas.REQUEST);

  @Test
  void theDiscriminatorIsTheModelProperty() {
    assertThat(request.getDiscriminator()).extracting(Discriminator::getPropertyName).isEqualTo("model");
  }

  @Test
  void theDiscriminatorMapsExactlyTheFiveModelIds() {
    assertThat(request.getDiscriminator().getMapping())
        .containsOnlyKeys(RequestSchemas.MODEL_IDS.toArray(String[]::new));
  }

  @Test
  void everyMappedSchemaIsListedInTheOneOfAndEveryOneOfEntryIsMapped() {
    List<String> oneOf = request.getOneOf().stream().map(Schema::get$ref).toList();

    assertThat(oneOf).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(mapping().values());
  }

  @Test
  void everyRequestSchemaRequiresAModelWhoseEnumIsItsOneId() {
    mapping()
        .forEach(
            (model, ref) -> {
              Schema<?> schema = requests.ref(ref);
              Schema<?> property = schema.getProperties().get("model");

              assertThat(schema.getRequired()).as("%s required", ref).contains("model");
              assertThat(property.getType()).as("%s model type", ref).isEqualTo("string");
              assertThat(List.<Object>copyOf(property.getEnum())).as("%s model enum", ref).containsExactly(model);
            });
  }

  @Test
  void everyRequestSchemaHasItsOwnRulePrefix() {
    List<Object> prefixes =
        mapping().values().stream()
            .map(requests::ref)
            .map(schema -> schema.getExtensions() == null ? null : schema.getExtensions().get("x-kirin-rule-prefix"))
            .toList();

    assertThat(prefixes)
        .doesNotContainNull()
        .doesNotHaveDuplicates()
        .allSatisfy(prefix -> assertThat(prefix).asString().matches("[a-z0-9]+"));
  }

  @Test
  void theTaskModelEnumListsTheSameFiveModelIds() {
    assertThat(List.<Object>copyOf(requests.schema("ModelId").getEnum()))
        .containsExactlyInAnyOrderElementsOf(RequestSchemas.MODEL_IDS);
  }

  private Map<String, String> mapping() {
    return request.getDiscriminator().getMapping();
  }
}

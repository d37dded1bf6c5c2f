package io.kirincontract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import io.kirincontract.spec.SpecExamples.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ExamplesMatchSchemasTest {

  private static final String REQUEST = "/components/schemas/VideoGenerationRequest";
  private static final String TASK = "/components/schemas/Task";
  private static final String ERROR_RESPONSE = "/components/schemas/ErrorResponse";

  private final ExampleValidator validator = new ExampleValidator();
  private final List<Example> examples = SpecExamples.all(Spec.tree());

  @TestFactory
  Stream<DynamicTest> everyExampleMatchesItsSchema() {
    return examples.stream()
        .map(
            example ->
                DynamicTest.dynamicTest(
                    "the example at " + example.where() + " matches the schema at " + example.schemaPointer(),
                    () ->
                        assertThat(validator.validate(example.value(), example.schemaPointer()))
                            .as("problems of %s", example.where())
                            .isEmpty()));
  }

  @Test
  void everyComponentExampleIsCheckedWhereItIsUsed() {
    Set<String> checked =
        examples.stream().map(Example::component).filter(Objects::nonNull).collect(Collectors.toSet());

    assertThat(checked).containsExactlyInAnyOrderElementsOf(fieldNames(Spec.tree().at("/components/examples")));
  }

  @Test
  void requestBodiesResponsesCallbacksParametersAndHeadersAllHaveCheckedExamples() {
    assertThat(examples)
        .anyMatch(e -> e.where().contains("/requestBody/") && e.schemaPointer().equals(REQUEST))
        .anyMatch(e -> e.where().startsWith("/paths/") && e.where().contains("/responses/200/"))
        .anyMatch(e -> e.where().startsWith("/components/responses/"))
        .anyMatch(e -> e.where().contains("/callbacks/") && e.schemaPointer().equals(TASK))
        .anyMatch(e -> e.where().contains("/parameters/"))
        .anyMatch(e -> e.where().startsWith("/components/headers/"));
  }

  @Test
  void everyModelHasARequestExample() {
    Set<String> models =
        examples.stream()
            .filter(e -> e.schemaPointer().equals(REQUEST))
            .map(e -> e.value().path("model").asText())
            .collect(Collectors.toSet());

    assertThat(models).containsExactlyInAnyOrderElementsOf(RequestSchemas.MODEL_IDS);
  }

  @Test
  void theValidatorRejectsADurationGivenAsANumber() {
    ObjectNode request = component("V3T2vSingleShot");
    request.put("duration", 5);

    assertThat(messages(request, REQUEST)).anyMatch(m -> m.contains("/duration") && m.contains("string expected"));
  }

  @Test
  void theValidatorRejectsAnUnknownModel() {
    ObjectNode request = component("V2MasterT2v");
    request.put("model", "kirin_v9_t2v");

    assertThat(validator.validate(request, REQUEST)).isNotEmpty();
  }

  @Test
  void theValidatorPicksTheRequestSchemaByTheDiscriminator() {
    ObjectNode request = component("O1TextToVideo");
    request.remove("prompt");

    assertThat(messages(request, REQUEST))
        .anyMatch(m -> m.contains("required property 'prompt' not found"))
        .noneMatch(m -> m.contains("additional") || m.contains("enumeration"));
  }

  @Test
  void theValidatorRejectsAShotDurationGivenAsANumberInsideAList() {
    ObjectNode request = component("V3T2vMultiShot");
    ((ObjectNode) request.withArray("multi_prompt").get(1)).put("duration", 3);

    assertThat(messages(request, REQUEST)).anyMatch(m -> m.contains("/multi_prompt/1/duration"));
  }

  @Test
  void theValidatorRejectsATaskWithAnUnknownStatusOrAMalformedTime() {
    ObjectNode unknownStatus = component("TaskCompleted");
    unknownStatus.put("status", "done");
    ObjectNode badTime = component("TaskCompleted");
    badTime.put("created_at", "yesterday");

    assertThat(messages(unknownStatus, TASK)).anyMatch(m -> m.contains("/status"));
    assertThat(messages(badTime, TASK)).anyMatch(m -> m.contains("/created_at"));
  }

  @Test
  void theValidatorRejectsAnErrorEnvelopeWithoutItsMessage() {
    ObjectNode error = component("ErrorPromptTooLong");
    ((ObjectNode) error.get("error")).remove("error_message");

    assertThat(messages(error, ERROR_RESPONSE)).anyMatch(m -> m.contains("error_message"));
  }

  private List<String> messages(JsonNode value, String schema) {
    return validator.validate(value, schema).stream().map(ValidationMessage::getMessage).toList();
  }

  private static ObjectNode component(String name) {
    return (ObjectNode) Spec.tree().at("/components/examples/" + name + "/value").deepCopy();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

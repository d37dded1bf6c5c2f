package io.kirincontract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecParsingTest {

  @Test
  void swaggerParserReadsTheSpecWithoutAnyMessage() {
    SwaggerParseResult result = Spec.parsed();

    assertThat(result.getMessages()).as("parser messages").isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
  }

  @Test
  void theSpecStaysOnOpenApi303() {
    assertThat(Spec.parsed().getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
  }

  @Test
  void theSpecDeclaresTheThreeEndpointsOfTheDesign() {
    assertThat(Spec.parsed().getOpenAPI().getPaths())
        .containsOnlyKeys(
            "/v1/videos/generations",
            "/v1/videos/generations/{task_id}",
            "/v1/videos/generations/external/{external_task_id}");
  }

  @Test
  void everyOperationCallbacksIncludedHasItsOwnOperationId() {
    List<String> operationIds = new ArrayList<>();
    Spec.parsed().getOpenAPI().getPaths().values().forEach(item -> collectOperationIds(item, operationIds));

    assertThat(operationIds).doesNotContainNull().doesNotHaveDuplicates().hasSizeGreaterThan(3);
  }

  private static void collectOperationIds(PathItem item, List<String> operationIds) {
    for (Operation operation : item.readOperations()) {
      operationIds.add(operation.getOperationId());
      if (operation.getCallbacks() != null) {
        operation.getCallbacks().values().stream()
            .flatMap(callback -> callback.values().stream())
            .forEach(callbackItem -> collectOperationIds(callbackItem, operationIds));
      }
    }
  }
}

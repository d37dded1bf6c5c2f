package io.kirincontract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.core.models.SwaggerParseResult;
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
}

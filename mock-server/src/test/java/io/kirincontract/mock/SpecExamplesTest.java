package io.kirincontract.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.spec.KirinSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The spec's own request examples are all accepted (their example.invalid URLs only raise warnings). */
class SpecExamplesTest {

  private static KirinMockServer server;

  @BeforeAll
  static void start() {
    server = KirinMockServer.start(config -> config.port(0).mediaFetch(false));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static List<Map.Entry<String, JsonNode>> examples() {
    return List.copyOf(KirinSpec.load().requestExamples().entrySet());
  }

  @ParameterizedTest(name = "the spec example {0} is accepted")
  @MethodSource("examples")
  void everyRequestExampleOfTheSpecIsAccepted(Map.Entry<String, JsonNode> example) {
    JsonNode task = new MockApi(server.baseUrl(), "examples-" + example.getKey()).create(example.getValue()).assertQueued();
    assertThat(task.path("model").asText()).isEqualTo(example.getValue().path("model").asText());
    task.path("metadata").path("warnings")
        .forEach(warning -> assertThat(warning.path("rule").asText()).endsWith(".url-reachable"));
  }
}

package io.kirincontract.mock.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kirincontract.mock.problems.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorEnvelopeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void oneProblemLeadsWithItsFieldsInOrderAndNoDetails() {
    byte[] bytes =
        ErrorEnvelope.bytes(List.of(new Problem("invalid_parameter", "duration must be 5 or 10", "duration", "r.id")));

    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"error\":{\"code\":\"invalid_parameter\",\"error_message\":\"duration must be 5 or 10\","
                + "\"param\":\"duration\",\"rule\":\"r.id\"}}");
  }

  @Test
  void absentParamAndRuleAreLeftOutNotWrittenAsNull() throws IOException {
    JsonNode error = JSON.readTree(ErrorEnvelope.bytes(List.of(Problem.of("unauthorized", "no key")))).get("error");

    assertThat(error.size()).isEqualTo(2);
    assertThat(error.has("param")).isFalse();
    assertThat(error.has("rule")).isFalse();
  }

  @Test
  void severalProblemsAreAllInDetailsWithTheFirstLeading() throws IOException {
    List<Problem> problems =
        List.of(
            new Problem("invalid_parameter", "first", "a", "rule.a"),
            new Problem("invalid_parameter", "second", "b", null),
            Problem.of("unknown_model", "third"));

    JsonNode error = JSON.readTree(ErrorEnvelope.bytes(problems)).get("error");

    assertThat(error.get("error_message").textValue()).isEqualTo("first");
    assertThat(error.get("details")).hasSize(3);
    assertThat(error.get("details").findValuesAsText("error_message")).containsExactly("first", "second", "third");
    assertThat(error.get("details").get(1).has("rule")).isFalse();
    assertThat(error.get("details").get(2).get("code").textValue()).isEqualTo("unknown_model");
  }

  @Test
  void messagesAreEscapedAndWrittenAsUtf8() throws IOException {
    String message = "a \"quoted\" value,\na back\\slash, a tab\t, 日本語 and an emoji 🎬";

    JsonNode error = JSON.readTree(ErrorEnvelope.bytes(List.of(new Problem("x", message, "p[0].q", null)))).get("error");

    assertThat(error.get("error_message").textValue()).isEqualTo(message);
    assertThat(error.get("param").textValue()).isEqualTo("p[0].q");
  }
}

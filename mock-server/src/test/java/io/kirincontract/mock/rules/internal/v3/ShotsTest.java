package io.kirincontract.mock.rules.internal.v3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShotsTest {

  @ParameterizedTest(name = "\"{0}\" is {1} s")
  @CsvSource({"0, 0", "1, 1", "5, 5", "05, 5", "15, 15", "999999999, 999999999", "000000001, 1"})
  void aWholeNumberOfOneToNineDigitsIsRead(String text, int seconds) {
    assertThat(Shots.duration(shot(text))).isEqualTo(OptionalInt.of(seconds));
  }

  @ParameterizedTest(name = "\"{0}\" is not a duration")
  @ValueSource(strings = {"", "1234567890", "4.5", "-1", "+1", " 5", "5 ", "1e1", "0x5", "５", "٥", "five"})
  void anythingElseWrittenAsTextIsNoDuration(String text) {
    assertThat(Shots.duration(shot(text))).isEmpty();
  }

  @ParameterizedTest(name = "{0} is not a duration")
  @ValueSource(strings = {"5", "null", "true", "[\"5\"]", "{}"})
  void aValueThatIsNotTextIsNoDuration(String json) throws Exception {
    ObjectNode shot = JsonNodeFactory.instance.objectNode();
    shot.set("duration", new ObjectMapper().readTree(json));

    assertThat(Shots.duration(shot)).isEmpty();
  }

  @Test
  void aShotWithoutADurationHasNone() {
    assertThat(Shots.duration(JsonNodeFactory.instance.objectNode().put("prompt", "a"))).isEmpty();
  }

  private static JsonNode shot(String duration) {
    return JsonNodeFactory.instance.objectNode().put("duration", duration);
  }
}

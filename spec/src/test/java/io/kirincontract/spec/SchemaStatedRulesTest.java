package io.kirincontract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Rules of {@code x-kirin-rules} that JSON Schema can also say are said there too, so that a generic validator (here
 * networknt json-schema-validator, reading the spec as any tool would) refuses what the mock refuses: an image is at
 * most 10 MiB of base64 ({@code maxLength}). The mock's answers keep the rule's id and code (RuleCasesTest and
 * SchemaStatedRuleAnswersTest in the mock).
 */
class SchemaStatedRulesTest {

  private static final String V3I2V = "/components/schemas/KirinV3I2vRequest";
  private static final String V21I2V = "/components/schemas/KirinV21MasterI2vRequest";
  private static final String IMAGE_REFERENCE = "/components/schemas/O1ImageReference";
  /** The base64 length of 10 MiB: 4 characters for every 3 bytes, the last group padded. */
  private static final int MAX_IMAGE_CHARS = (10 * 1024 * 1024 + 2) / 3 * 4;

  private final ExampleValidator validator = new ExampleValidator();
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void anImageIsAtMostTheBase64LengthOfTenMebibytes() {
    assertThat(MAX_IMAGE_CHARS).isEqualTo(13_981_016);
    String longest = "A".repeat(MAX_IMAGE_CHARS);
    String tooLong = longest + "A";

    assertThat(keywords(v3i2v().put("image", longest), V3I2V)).isEmpty();
    assertThat(keywords(v3i2v().put("image", tooLong), V3I2V)).containsExactly("maxLength");
    assertThat(keywords(v21i2v(tooLong), V21I2V)).containsExactly("maxLength");
    assertThat(keywords(mapper.createObjectNode().put("image_url", tooLong), IMAGE_REFERENCE))
        .containsExactly("maxLength");
  }

  private ObjectNode v3i2v() {
    return mapper.createObjectNode().put("model", "kirin_v3_i2v").put("prompt", "It wakes");
  }

  private ObjectNode v21i2v(String image) {
    return mapper.createObjectNode().put("model", "kirin_v2_1_master_i2v").put("image", image);
  }

  private Set<String> keywords(ObjectNode body, String pointer) {
    return validator.validate(body, pointer).stream().map(ValidationMessage::getType).collect(Collectors.toSet());
  }
}

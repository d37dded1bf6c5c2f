package io.kirincontract.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kirincontract.client.errors.KirinErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link KirinErrorCode} holds exactly the codes of the spec's {@code x-kirin-error-catalog}, as the spec
 * says.
 */
class KirinErrorCodeTest {

  /** A catalog entry reduced to what the enum records. */
  private record Entry(String code, String source, String kind, int status) {}

  @Test
  void theEnumHasExactlyTheCodesOfTheSpecsCatalogWithTheirSourceKindAndStatus() throws IOException {
    List<Entry> catalog = new ArrayList<>();
    for (JsonNode entry : catalog()) {
      catalog.add(new Entry(entry.get("code").asText(), entry.get("source").asText(),
          entry.get("kind").asText(), entry.path("status").asInt(0)));
    }
    List<Entry> declared = Arrays.stream(KirinErrorCode.values())
        .filter(code -> code != KirinErrorCode.UNKNOWN)
        .map(code -> new Entry(code.code(), code.source().name().toLowerCase(),
            code.kind().name().toLowerCase(), code.httpStatus().orElse(0)))
        .toList();

    assertThat(catalog).as("the spec's catalog").isNotEmpty().doesNotHaveDuplicates();
    assertThat(declared).containsExactlyInAnyOrderElementsOf(catalog);
  }

  @Test
  void theSeedFlagFollowsTheCatalogsSource() {
    assertThat(KirinErrorCode.O1_PROMPT_TOO_LONG.isSeedCode()).isTrue();
    assertThat(KirinErrorCode.V21_MASTER_JWT_AUTHENTICATION_FAILED.isSeedCode()).isTrue();
    assertThat(KirinErrorCode.INVALID_PARAMETER.isSeedCode()).isFalse();
    assertThat(KirinErrorCode.UNKNOWN.isSeedCode()).isFalse();
  }

  @Test
  void aCodeIsLookedUpAsSentAndAnythingElseIsUnknown() {
    assertThat(KirinErrorCode.of("002015002")).isEqualTo(KirinErrorCode.O1_PROMPT_TOO_LONG);
    assertThat(KirinErrorCode.of("0")).isEqualTo(KirinErrorCode.V21_MASTER_NO_ERROR);
    assertThat(KirinErrorCode.of("2015002")).isEqualTo(KirinErrorCode.UNKNOWN);
    assertThat(KirinErrorCode.of("INVALID_PARAMETER")).isEqualTo(KirinErrorCode.UNKNOWN);
    assertThat(KirinErrorCode.of(null)).isEqualTo(KirinErrorCode.UNKNOWN);
    assertThat(KirinErrorCode.UNKNOWN.code()).isNull();
  }

  private static JsonNode catalog() throws IOException {
    try (InputStream in = KirinErrorCodeTest.class.getClassLoader().getResourceAsStream("kirin-api.yaml")) {
      assertThat(in).as("kirin-api.yaml on the test classpath").isNotNull();
      return new YAMLMapper().readTree(in).get("x-kirin-error-catalog");
    }
  }
}

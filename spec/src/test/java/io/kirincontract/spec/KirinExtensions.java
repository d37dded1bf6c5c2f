package io.kirincontract.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.List;
import java.util.Map;

/** The spec's vendor extensions ({@code x-kirin-rules}, {@code x-kirin-error-catalog}) as typed records. */
final class KirinExtensions {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private KirinExtensions() {}

  /**
   * One entry of {@code x-kirin-rules}. {@code code} and {@code status} are absent for ignore rules; {@code limits}
   * (the numbers its text names as {@code {name}}) only for rules with parameters.
   */
  @JsonIgnoreProperties(ignoreUnknown = false)
  record Rule(
      String id,
      List<String> models,
      List<String> params,
      String text,
      String code,
      Integer status,
      String effect,
      String mode,
      String source,
      java.util.Map<String, Object> limits) {}

  /** One entry of {@code x-kirin-error-catalog}. {@code models} is absent for project codes. */
  @JsonIgnoreProperties(ignoreUnknown = false)
  record CatalogEntry(
      String code,
      List<String> models,
      String source,
      String kind,
      Integer status,
      String message,
      String meaning) {}

  static List<Rule> rules(OpenAPI openApi) {
    return MAPPER.convertValue(extension(openApi, "x-kirin-rules"), new TypeReference<List<Rule>>() {});
  }

  static List<CatalogEntry> catalog(OpenAPI openApi) {
    return MAPPER.convertValue(
        extension(openApi, "x-kirin-error-catalog"), new TypeReference<List<CatalogEntry>>() {});
  }

  /** A property's {@code x-kirin-error-codes}: JSON Schema keyword (or {@code default}) to error code. */
  static Map<String, String> errorCodes(Map<String, Object> extensions) {
    if (extensions == null || !extensions.containsKey("x-kirin-error-codes")) {
      return Map.of();
    }
    return MAPPER.convertValue(
        extensions.get("x-kirin-error-codes"), new TypeReference<Map<String, String>>() {});
  }

  private static Object extension(OpenAPI openApi, String name) {
    Map<String, Object> extensions = openApi.getExtensions();
    if (extensions == null || !extensions.containsKey(name)) {
      throw new IllegalStateException("the spec has no root extension " + name);
    }
    return extensions.get(name);
  }
}

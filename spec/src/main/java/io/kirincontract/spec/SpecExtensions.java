package io.kirincontract.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the spec's {@code x-kirin-*} extensions into typed values. */
final class SpecExtensions {

  static final String RULES = "x-kirin-rules";
  static final String ERROR_CATALOG = "x-kirin-error-catalog";
  static final String ADMIN_ERROR_CATALOG = "x-kirin-admin-error-catalog";
  static final String ERROR_CODES = "x-kirin-error-codes";
  static final String RULE_PREFIX = "x-kirin-rule-prefix";
  static final String RULE_IDS = "x-kirin-rule-ids";

  private SpecExtensions() {}

  /** Model id → model, from the discriminator mapping of {@code VideoGenerationRequest}. */
  static Map<String, ModelDef> models(OpenAPI openApi) {
    Schema<?> request = openApi.getComponents().getSchemas().get("VideoGenerationRequest");
    if (request == null || request.getDiscriminator() == null) {
      throw new KirinSpecException("VideoGenerationRequest with a discriminator is missing");
    }
    Discriminator discriminator = request.getDiscriminator();
    Map<String, ModelDef> models = new LinkedHashMap<>();
    discriminator
        .getMapping()
        .forEach(
            (id, ref) -> {
              String name = ref.substring(ref.lastIndexOf('/') + 1);
              Schema<?> schema = openApi.getComponents().getSchemas().get(name);
              if (schema == null) {
                throw new KirinSpecException("model " + id + " maps to missing schema " + name);
              }
              Object prefix = extensions(schema).get(RULE_PREFIX);
              if (prefix == null) {
                throw new KirinSpecException("schema " + name + " has no " + RULE_PREFIX);
              }
              models.put(id, new ModelDef(id, name, prefix.toString()));
            });
    return models;
  }

  static List<RuleDef> rules(Map<String, Object> root) {
    List<RuleDef> rules = new ArrayList<>();
    for (Map<String, Object> entry : entries(root, RULES)) {
      Map<String, String> limits = limits(entry);
      rules.add(
          new RuleDef(
              string(entry, "id"),
              strings(entry, "models"),
              strings(entry, "params"),
              withLimits(string(entry, "text"), limits),
              optionalString(entry, "code"),
              optionalInt(entry, "status"),
              RuleDef.Effect.valueOf(string(entry, "effect").toUpperCase(Locale.ROOT)),
              RuleDef.Mode.valueOf(string(entry, "mode").toUpperCase(Locale.ROOT)),
              string(entry, "source"),
              limits));
    }
    return List.copyOf(rules);
  }

  private static Map<String, String> limits(Map<String, Object> entry) {
    Map<String, String> limits = new LinkedHashMap<>();
    if (entry.get("limits") instanceof Map<?, ?> map) {
      map.forEach((name, value) -> limits.put(String.valueOf(name), String.valueOf(value)));
    }
    return limits;
  }

  /** The text with each {@code {name}} of a limit replaced by its value. */
  private static String withLimits(String text, Map<String, String> limits) {
    String filled = text;
    for (Map.Entry<String, String> limit : limits.entrySet()) {
      filled = filled.replace("{" + limit.getKey() + "}", limit.getValue());
    }
    java.util.regex.Matcher unfilled = java.util.regex.Pattern.compile("\\{[a-z-]+}").matcher(filled);
    if (unfilled.find()) {
      throw new KirinSpecException("a rule's text names " + unfilled.group() + " but the rule has no such limit");
    }
    return filled;
  }

  static List<ErrorCodeDef> errorCatalog(Map<String, Object> root) {
    return errorCatalog(root, ERROR_CATALOG);
  }

  static List<ErrorCodeDef> errorCatalog(Map<String, Object> root, String name) {
    List<ErrorCodeDef> catalog = new ArrayList<>();
    for (Map<String, Object> entry : entries(root, name)) {
      catalog.add(
          new ErrorCodeDef(
              string(entry, "code"),
              entry.containsKey("models") ? strings(entry, "models") : List.of(),
              string(entry, "source"),
              string(entry, "kind"),
              optionalInt(entry, "status"),
              string(entry, "message"),
              optionalString(entry, "meaning")));
    }
    return List.copyOf(catalog);
  }

  /** The {@code x-kirin-error-codes} map of a schema (keyword → code), empty when absent. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> errorCodes(Schema<?> schema) {
    Object codes = extensions(schema).get(ERROR_CODES);
    return codes instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  /** A property's {@code x-kirin-rule-ids}: JSON Schema keyword → id of the rule it states, after the prefix. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> ruleIds(Schema<?> schema) {
    Object ids = extensions(schema).get(RULE_IDS);
    return ids instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static Map<String, Object> extensions(Schema<?> schema) {
    return schema == null || schema.getExtensions() == null ? Map.of() : schema.getExtensions();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> entries(Map<String, Object> root, String name) {
    Object value = root == null ? null : root.get(name);
    if (!(value instanceof List<?> list)) {
      throw new KirinSpecException("the spec has no " + name + " list");
    }
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof Map<?, ?>)) {
        throw new KirinSpecException(name + " holds a non-object entry: " + item);
      }
      entries.add((Map<String, Object>) item);
    }
    return entries;
  }

  private static String string(Map<String, Object> entry, String key) {
    Object value = entry.get(key);
    if (value == null) {
      throw new KirinSpecException("entry " + entry.get("id") + entry.get("code") + " has no " + key);
    }
    return value.toString();
  }

  private static String optionalString(Map<String, Object> entry, String key) {
    Object value = entry.get(key);
    return value == null ? null : value.toString();
  }

  private static Integer optionalInt(Map<String, Object> entry, String key) {
    Object value = entry.get(key);
    return value == null ? null : Integer.valueOf(value.toString());
  }

  private static List<String> strings(Map<String, Object> entry, String key) {
    Object value = entry.get(key);
    if (!(value instanceof List<?> list)) {
      throw new KirinSpecException("entry " + entry.get("id") + " has no list " + key);
    }
    return list.stream().map(String::valueOf).toList();
  }
}

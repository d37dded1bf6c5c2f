package io.kirincontract.conformance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.RuleDef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the rule cases: one YAML file per model, {@code cases/{model id}.yaml} on the classpath. A file has the
 * model, a valid {@code base} request and a list of {@code cases}; each case names its {@code rule}, gives a
 * {@code break:} or {@code pass:} title, changes the base with {@code set:} (top-level fields replaced) and
 * {@code remove:} (top-level fields dropped), and may state {@code expect:} ({@code status}, {@code code},
 * {@code param}, {@code ignored}, {@code notIgnored}).
 */
public final class CaseFiles {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final java.util.Set<String> CASE_KEYS = java.util.Set.of("rule", "break", "pass", "set", "remove", "expect");
  private static final java.util.Set<String> EXPECT_KEYS =
      java.util.Set.of("status", "code", "param", "ignored", "notIgnored");

  private CaseFiles() {}

  /** The case file of a model, its cases' limits filled from the spec; empty when there is none. */
  public static Optional<CaseFile> load(KirinSpec spec, String modelId) {
    String resource = "cases/" + modelId + ".yaml";
    try (InputStream in = CaseFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(parse(modelId, resource, YAML.readTree(in), rule -> limits(spec, rule)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The case files of every model of the spec that has one, by model id. */
  public static Map<String, CaseFile> loadAll(KirinSpec spec) {
    Map<String, CaseFile> files = new LinkedHashMap<>();
    for (String model : spec.modelIds()) {
      load(spec, model).ifPresent(file -> files.put(model, file));
    }
    return files;
  }

  /** Parses one case file's tree whose cases name no limits (for tests and tools). */
  public static CaseFile parse(String modelId, String resource, JsonNode root) {
    return parse(modelId, resource, root, rule -> Map.of());
  }

  /**
   * Parses one case file's tree; {@code {limit}}, {@code {limit-1}} and {@code {limit+1}} in a case's title and
   * {@code set:} values are filled with its rule's limits.
   */
  public static CaseFile parse(
      String modelId, String resource, JsonNode root, Function<String, Map<String, String>> limitsOfRule) {
    String model = text(root, "model", resource);
    if (!model.equals(modelId)) {
      throw new IllegalArgumentException(resource + " is about " + model + ", expected " + modelId);
    }
    JsonNode base = root.get("base");
    if (base == null || !base.isObject()) {
      throw new IllegalArgumentException(resource + " needs a base request (an object)");
    }
    List<RuleCase> cases = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : root.path("cases")) {
      index++;
      String where = resource + " case " + index;
      String rule = text(entry, "rule", where);
      onlyKeys(entry, CASE_KEYS, where + " (" + rule + ")");
      onlyKeys(entry.path("expect"), EXPECT_KEYS, where + " (" + rule + ") expect");
      boolean isBreak = entry.has("break");
      if (isBreak == entry.has("pass")) {
        throw new IllegalArgumentException(where + " (" + rule + ") needs exactly one of break: and pass:");
      }
      RuleCase.Kind kind = isBreak ? RuleCase.Kind.BREAK : RuleCase.Kind.PASS;
      Limits limits = new Limits(rule, limitsOfRule.apply(rule));
      String title = limits.fill(text(entry, kind.label(), where));
      cases.add(
          new RuleCase(
              model, rule, kind, title, request((ObjectNode) base, entry, limits), expect(entry.path("expect"))));
    }
    return new CaseFile(model, (ObjectNode) base, List.copyOf(cases));
  }

  /** The rule's limits; {@code null} for a rule the spec does not have (the case is a coverage gap, left as is). */
  private static Map<String, String> limits(KirinSpec spec, String rule) {
    return spec.rule(rule).map(RuleDef::limits).orElse(null);
  }

  private static JsonNode request(ObjectNode base, JsonNode entry, Limits limits) {
    ObjectNode request = base.deepCopy();
    for (JsonNode field : entry.path("remove")) {
      request.remove(field.asText());
    }
    for (Map.Entry<String, JsonNode> field : entry.path("set").properties()) {
      request.set(field.getKey(), limits.fill(field.getValue()));
    }
    return request;
  }

  private static RuleCase.Expect expect(JsonNode expect) {
    return new RuleCase.Expect(
        expect.has("status") ? Optional.of(expect.get("status").asInt()) : Optional.empty(),
        expect.has("code") ? Optional.of(expect.get("code").asText()) : Optional.empty(),
        expect.has("param") ? Optional.of(expect.get("param").asText()) : Optional.empty(),
        strings(expect.path("ignored")),
        strings(expect.path("notIgnored")));
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    node.forEach(value -> values.add(value.asText()));
    return List.copyOf(values);
  }

  /** A misspelt key would silently change what a case checks: refuse it. */
  private static void onlyKeys(JsonNode node, java.util.Set<String> allowed, String where) {
    node.fieldNames().forEachRemaining(key -> {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(where + " has an unknown key '" + key + "'; allowed: " + allowed);
      }
    });
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(where + " needs a text " + field + ":");
    }
    return value.textValue();
  }

  /** One model's file: its base request and its cases. */
  public record CaseFile(String model, ObjectNode base, List<RuleCase> cases) {}
}

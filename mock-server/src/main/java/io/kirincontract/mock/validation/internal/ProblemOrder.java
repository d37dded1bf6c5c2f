package io.kirincontract.mock.validation.internal;

import io.kirincontract.mock.problems.internal.JsonPaths;
import io.kirincontract.mock.problems.Problem;
import io.kirincontract.spec.KirinSpec;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The stable order of per-field problems: by the position of each path segment among its schema's properties (as
 * the spec lists them), array items by index, then by keyword (required, type, format, enum, then the limits).
 * Problems of the same field and keyword keep the order they were found in.
 */
final class ProblemOrder {

  private static final List<String> KEYWORDS =
      List.of("required", "type", "format", "enum", "minLength", "maxLength", "minItems", "maxItems", "pattern",
          "minimum", "maximum");

  private final KirinSpec spec;

  ProblemOrder(KirinSpec spec) {
    this.spec = spec;
  }

  Comparator<Problem> forModel(String modelId) {
    Comparator<Problem> byPath = Comparator.comparing(problem -> key(modelId, problem.param()), ProblemOrder::compare);
    return byPath.thenComparingInt(problem -> keywordRank(problem.rule()));
  }

  private List<Integer> key(String modelId, String param) {
    List<Integer> key = new ArrayList<>();
    if (param == null) {
      return key;
    }
    Schema<?> schema = spec.requestSchema(modelId);
    for (String segment : JsonPaths.segments(param)) {
      if (segment.startsWith("[")) {
        key.add(Integer.parseInt(segment.substring(1, segment.length() - 1)));
        continue;
      }
      Schema<?> container = schema == null ? null : spec.resolve(schema);
      if (container != null && container.getItems() != null) {
        container = spec.resolve(container.getItems());
      }
      Map<String, Schema> properties = container == null ? null : container.getProperties();
      int position = properties == null ? -1 : new ArrayList<>(properties.keySet()).indexOf(segment);
      key.add(position < 0 ? Integer.MAX_VALUE : position);
      schema = properties == null ? null : properties.get(segment);
    }
    return key;
  }

  private static int compare(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int keywordRank(String rule) {
    if (rule == null) {
      return KEYWORDS.size();
    }
    String kebab = rule.substring(rule.lastIndexOf('.') + 1);
    for (int i = 0; i < KEYWORDS.size(); i++) {
      if (KirinSpec.kebab(KEYWORDS.get(i)).equals(kebab)) {
        return i;
      }
    }
    return KEYWORDS.size();
  }
}

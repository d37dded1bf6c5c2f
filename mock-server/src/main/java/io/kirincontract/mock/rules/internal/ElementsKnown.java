package io.kirincontract.mock.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.rules.ElementLibrary;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code v3i2v.elements.known} and {@code o1.elements.known}: each element_id is in the configured subject library
 * (the engine runs these {@code mode: library} rules only when a library is given).
 */
final class ElementsKnown implements Rule {

  private final String id;

  private ElementsKnown(String id) {
    this.id = id;
  }

  public static ElementsKnown v3i2v() {
    return new ElementsKnown("v3i2v.elements.known");
  }

  public static ElementsKnown o1() {
    return new ElementsKnown("o1.elements.known");
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Finding> check(RuleContext context) {
    if (context.library().isEmpty()) {
      return List.of();
    }
    ElementLibrary library = context.library().get();
    List<JsonNode> elements = context.request().items("element_list");
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      JsonNode elementId = elements.get(i).get("element_id");
      if (elementId != null && elementId.canConvertToLong() && !library.contains(elementId.longValue())) {
        String param = "element_list[" + i + "].element_id";
        findings.add(
            new Finding(
                param, param + " " + elementId.asText() + " is not in the subject library (" + library.size()
                    + " subjects known)"));
      }
    }
    return findings;
  }
}

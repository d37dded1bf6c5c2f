package io.kirincontract.conformance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a case's text with its rule's limits (the {@code limits} of its {@code x-kirin-rules} entry), so a case at
 * a limit's edge follows the spec: {@code {min-side}} is the limit, {@code {min-side-1}} and {@code {min-side+1}} one
 * less and one more ({@code $png({min-side-1}x400)} is {@code $png(299x400)} while the limit is 300).
 */
final class Limits {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+(?:-[a-z]+)*)([+-]\\d+)?}");

  private final String rule;
  private final Map<String, String> limits;

  /** @param limits the rule's limits, or {@code null} to leave the text as it is (a rule the spec lacks) */
  Limits(String rule, Map<String, String> limits) {
    this.rule = rule;
    this.limits = limits;
  }

  String fill(String text) {
    if (limits == null) {
      return text;
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = limits.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            "a case of " + rule + " names {" + matcher.group(1) + "} but the rule has no such limit " + limits.keySet());
      }
      BigDecimal number = new BigDecimal(value);
      if (matcher.group(2) != null) {
        number = number.add(new BigDecimal(matcher.group(2)));
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(number.stripTrailingZeros().toPlainString()));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** A copy of a JSON tree with every text filled. */
  JsonNode fill(JsonNode node) {
    if (node.isTextual()) {
      return TextNode.valueOf(fill(node.textValue()));
    }
    if (node instanceof ObjectNode object) {
      ObjectNode copy = object.objectNode();
      object.properties().forEach(field -> copy.set(field.getKey(), fill(field.getValue())));
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = array.arrayNode();
      array.forEach(item -> copy.add(fill(item)));
      return copy;
    }
    return node;
  }
}

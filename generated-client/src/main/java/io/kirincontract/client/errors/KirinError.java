package io.kirincontract.client.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The error envelope's {@code error} object: {@code {"error": {"code", "error_message", "param", "rule",
 * "details"}}}. Entries of {@link #details()} have the same fields and no details of their own.
 *
 * @param code the code as the server sent it (a seed code such as {@code "002015002"} or a project code such
 *     as {@code "invalid_parameter"}); {@code null} when the body was not the envelope
 * @param errorMessage what is wrong; the body itself (shortened) when it was not the envelope
 * @param param the offending field ({@code multi_prompt[1].duration}), or {@code null}
 * @param rule the id of the broken rule ({@code v3.multi-shot.durations-sum}), or {@code null}
 * @param details every problem found when there were several (the first repeats the top level), else empty
 */
public record KirinError(
    String code, String errorMessage, String param, String rule, List<KirinError> details)
    implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_RAW_BODY = 500;

  public KirinError {
    details = details == null ? List.of() : List.copyOf(details);
  }

  /** The code as a known constant, {@link KirinErrorCode#UNKNOWN} for a code this client does not know. */
  public KirinErrorCode errorCode() {
    return KirinErrorCode.of(code);
  }

  /**
   * Reads an error response body. Never fails: a body that is not the envelope (an HTML page from a proxy, an
   * empty body) gives an error without a code whose message is the body, shortened.
   */
  public static KirinError parse(String body) {
    if (body == null || body.isBlank()) {
      return new KirinError(null, "(no body)", null, null, List.of());
    }
    try {
      JsonNode error = JSON.readTree(body).path("error");
      if (error.isObject() && error.hasNonNull("code")) {
        return fromNode(error, true);
      }
    } catch (IOException notJson) {
      // fall through: report the raw body
    }
    String raw = body.strip();
    String message = raw.length() > MAX_RAW_BODY ? raw.substring(0, MAX_RAW_BODY) + "..." : raw;
    return new KirinError(null, message, null, null, List.of());
  }

  private static KirinError fromNode(JsonNode node, boolean withDetails) {
    List<KirinError> details = new ArrayList<>();
    if (withDetails) {
      node.path("details").forEach(detail -> details.add(fromNode(detail, false)));
    }
    return new KirinError(
        text(node, "code"), text(node, "error_message"), text(node, "param"), text(node, "rule"), details);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    if (code != null) {
      text.append(code).append(": ");
    }
    text.append(errorMessage);
    if (param != null || rule != null) {
      text.append(" [");
      if (param != null) {
        text.append("param=").append(param);
      }
      if (rule != null) {
        text.append(param != null ? ", " : "").append("rule=").append(rule);
      }
      text.append(']');
    }
    return text.toString();
  }
}

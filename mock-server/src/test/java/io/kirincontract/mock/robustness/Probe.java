package io.kirincontract.mock.robustness;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One generated request: method, path (with any query), headers in order (a {@code null} value leaves the header
 * out), body. {@code says} describes how it was made, for the failure report.
 */
record Probe(String says, String method, String path, Map<String, String> headers, byte[] body) {

  static final String CREATE = "/v1/videos/generations";

  /** A create request with a JSON content type and a bearer key. */
  static Probe create(String says, byte[] body) {
    return new Probe(says, "POST", CREATE, defaultHeaders(), body);
  }

  static Probe create(String says, String body) {
    return create(says, body.getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, String> defaultHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer fuzz-key");
    headers.put("Content-Type", "application/json");
    return headers;
  }

  Probe withHeaders(Map<String, String> replaced) {
    return new Probe(says, method, path, replaced, body);
  }

  Probe describedAs(String description) {
    return new Probe(description, method, path, headers, body);
  }

  /** What the failure report shows: the request line, headers and the start of the body. */
  String show() {
    String text = new String(body, StandardCharsets.UTF_8);
    String shown = text.length() > 600 ? text.substring(0, 600) + "... (" + body.length + " bytes)" : text;
    return String.format(
        Locale.ROOT, "%s [%s %s] headers %s body %s", says, method, abbreviate(path), headers, shown);
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "... (" + text.length() + " chars)" : text;
  }
}

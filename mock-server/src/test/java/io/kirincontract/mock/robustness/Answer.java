package io.kirincontract.mock.robustness;

import java.nio.charset.StandardCharsets;

/** What the server answered: status, content type (empty when none) and body. */
record Answer(int status, String contentType, byte[] body) {

  String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  String show() {
    String text = text();
    return status + " " + contentType + " " + (text.length() > 400 ? text.substring(0, 400) + "..." : text);
  }
}

package io.kirincontract.mock.stubs;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.control.InvalidControlException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer a stub gives instead of the mock's: a status, headers, and a JSON body; without a body, an error status
 * gets the error envelope with the model's code for that status.
 *
 * @param body the JSON to send as is, or null
 */
public record StubAnswer(int status, Map<String, String> headers, JsonNode body) {

  public StubAnswer {
    if (status < 200 || status > 599) {
      throw new InvalidControlException("answer.status must be 200 to 599, not " + status, "answer.status");
    }
    headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** An answer with only a status (the envelope with the model's code for an error status). */
  public static StubAnswer status(int status) {
    return new StubAnswer(status, Map.of(), null);
  }

  /** The same answer with one more header, such as {@code Retry-After}. */
  public StubAnswer withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new StubAnswer(status, more, body);
  }

  /** The same answer with this JSON body. */
  public StubAnswer withBody(JsonNode json) {
    return new StubAnswer(status, headers, json);
  }
}

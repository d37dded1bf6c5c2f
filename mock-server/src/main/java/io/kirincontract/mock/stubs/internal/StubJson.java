package io.kirincontract.mock.stubs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.control.InvalidControlException;
import io.kirincontract.mock.journal.internal.MatcherJson;
import io.kirincontract.mock.stubs.Stub;
import io.kirincontract.mock.stubs.StubAnswer;
import io.kirincontract.mock.stubs.StubFault;
import io.kirincontract.mock.stubs.StubRegistry;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A stub's JSON form ({@code POST /__admin/stubs}), read strictly, and the listing's form. */
public final class StubJson {

  private static final List<String> FIELDS = List.of("match", "times", "answer", "fault", "delay");

  private StubJson() {}

  public static Stub read(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new InvalidControlException(
          "the body must be a JSON object such as {\"match\": {...}, \"times\": 1, \"answer\": {\"status\": 429}}",
          null);
    }
    unknown(node, FIELDS, "");
    JsonNode times = node.get("times");
    int count = 1;
    if (times != null && !times.isNull()) {
      if (!times.isIntegralNumber() || !times.canConvertToInt()) {
        throw new InvalidControlException("times must be a whole number, at least 1", "times");
      }
      count = times.intValue();
    }
    StubFault fault = null;
    JsonNode faultNode = node.get("fault");
    if (faultNode != null && !faultNode.isNull()) {
      if (!faultNode.isTextual()) {
        throw new InvalidControlException("fault must be lost_answer, garbled_answer or reset", "fault");
      }
      fault =
          StubFault.fromWire(faultNode.textValue())
              .orElseThrow(
                  () ->
                      new InvalidControlException(
                          "fault must be lost_answer, garbled_answer or reset, not " + faultNode.textValue(),
                          "fault"));
    }
    return new Stub(
        MatcherJson.read(node.get("match"), "match."), count, answer(node.get("answer")), fault, delay(node.get("delay")));
  }

  private static StubAnswer answer(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw new InvalidControlException("answer must be an object such as {\"status\": 503}", "answer");
    }
    unknown(node, List.of("status", "headers", "body"), "answer.");
    JsonNode status = node.get("status");
    if (status == null || !status.isIntegralNumber() || !status.canConvertToInt()) {
      throw new InvalidControlException("answer.status is required: an HTTP status, 200 to 599", "answer.status");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    JsonNode headerNode = node.get("headers");
    if (headerNode != null && !headerNode.isNull()) {
      if (!headerNode.isObject()) {
        throw new InvalidControlException("answer.headers must be an object of strings", "answer.headers");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = headerNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> header = it.next();
        if (!header.getValue().isValueNode() || header.getValue().isNull()) {
          throw new InvalidControlException(
              "answer.headers." + header.getKey() + " must be a string", "answer.headers." + header.getKey());
        }
        if (!header.getKey().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
          throw new InvalidControlException("not a header name: " + header.getKey(), "answer.headers");
        }
        headers.put(header.getKey(), header.getValue().asText());
      }
    }
    JsonNode body = node.get("body");
    return new StubAnswer(status.intValue(), headers, body == null || body.isNull() ? null : body);
  }

  private static Duration delay(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new InvalidControlException("delay must be an ISO-8601 duration such as PT3S", "delay");
    }
    try {
      return Duration.parse(node.textValue());
    } catch (DateTimeParseException e) {
      throw new InvalidControlException(
          "delay must be an ISO-8601 duration such as PT3S or PT0.5S, not " + node.textValue(), "delay");
    }
  }

  private static void unknown(JsonNode node, List<String> allowed, String prefix) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new InvalidControlException(
            "unknown field " + prefix + name + "; allowed: " + String.join(", ", allowed), prefix + name);
      }
    }
  }

  /** A stub as the listing shows it, read back. */
  public static StubRegistry.Armed readArmed(JsonNode node) {
    ObjectNode stub = ((ObjectNode) node).deepCopy();
    stub.remove(List.of("id", "remaining"));
    return new StubRegistry.Armed(node.path("id").asText(), read(stub), node.path("remaining").asInt());
  }

  /** A stub as the listing shows it. */
  public static ObjectNode write(StubRegistry.Armed armed) {
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("id", armed.id());
    node.setAll(write(armed.stub()));
    node.put("remaining", armed.remaining());
    return node;
  }

  /** A stub as {@code POST /__admin/stubs} takes it. */
  public static ObjectNode write(Stub stub) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.set("match", stub.match().toJson());
    node.put("times", stub.times());
    if (stub.answer() != null) {
      ObjectNode answer = node.putObject("answer").put("status", stub.answer().status());
      ObjectNode headers = answer.putObject("headers");
      stub.answer().headers().forEach(headers::put);
      if (stub.answer().body() != null) {
        answer.set("body", stub.answer().body());
      }
    }
    if (stub.fault() != null) {
      node.put("fault", stub.fault().wireName());
    }
    if (stub.delay() != null) {
      node.put("delay", stub.delay().toString());
    }
    return node;
  }
}

package io.kirincontract.mock.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.javalin.http.Context;
import io.kirincontract.mock.control.InvalidControlException;
import io.kirincontract.mock.tasks.TaskStatus;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * An admin request's JSON body, read strictly: only the named fields are allowed, each with its type. An empty
 * body counts as {@code {}}.
 */
final class AdminBody {

  private final JsonNode node;

  private AdminBody(JsonNode node) {
    this.node = node;
  }

  static AdminBody read(JsonBodyReader bodies, Context ctx, String... allowed) {
    JsonNode node = JsonBodyReader.bytes(ctx).length == 0 ? JsonNodeFactory.instance.objectNode() : bodies.read(ctx);
    if (!node.isObject()) {
      throw new InvalidControlException("the body must be a JSON object", null);
    }
    List<String> names = List.of(allowed);
    for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
      String field = fields.next();
      if (!names.contains(field)) {
        throw new InvalidControlException(
            "unknown field " + field + (names.isEmpty() ? "; send no body" : "; allowed: " + String.join(", ", names)),
            field);
      }
    }
    return new AdminBody(node);
  }

  Optional<String> text(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new InvalidControlException(field + " must be a string", field);
    }
    return Optional.of(value.textValue());
  }

  Optional<Long> integer(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new InvalidControlException(field + " must be a whole number", field);
    }
    return Optional.of(value.longValue());
  }

  Optional<Double> number(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isNumber()) {
      throw new InvalidControlException(field + " must be a number", field);
    }
    return Optional.of(value.doubleValue());
  }

  Optional<Duration> duration(String field) {
    return text(field).map(text -> duration(text, field));
  }

  /** {@code queued} or {@code processing}. */
  Optional<TaskStatus> stage(String field) {
    return text(field).map(text -> stage(text, field));
  }

  static Duration duration(String text, String field) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidControlException(
          field + " must be an ISO-8601 duration such as PT5S or PT1M30S, not " + text, field);
    }
  }

  static TaskStatus stage(String text, String field) {
    return switch (text) {
      case "queued" -> TaskStatus.QUEUED;
      case "processing" -> TaskStatus.PROCESSING;
      default -> throw new InvalidControlException(field + " must be queued or processing, not " + text, field);
    };
  }
}

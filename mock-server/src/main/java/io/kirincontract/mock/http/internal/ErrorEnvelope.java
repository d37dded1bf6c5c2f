package io.kirincontract.mock.http.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.kirincontract.mock.problems.Problem;
import io.kirincontract.mock.util.internal.JsonBytes;
import java.io.IOException;
import java.util.List;

/**
 * The one error shape of every endpoint: {@code {"error": {"code", "error_message", "param", "rule", "details"}}}.
 * The first problem leads; {@code details} lists them all when there is more than one. Written field by field (every
 * refused request writes one), not built as a tree and serialized.
 */
final class ErrorEnvelope {

  private ErrorEnvelope() {}

  /** The envelope of {@code problems} (at least one) as JSON, UTF-8. */
  static byte[] bytes(List<Problem> problems) {
    return JsonBytes.of(json -> {
      json.writeStartObject();
      json.writeFieldName("error");
      json.writeStartObject();
      write(json, problems.get(0));
      if (problems.size() > 1) {
        json.writeArrayFieldStart("details");
        for (Problem problem : problems) {
          json.writeStartObject();
          write(json, problem);
          json.writeEndObject();
        }
        json.writeEndArray();
      }
      json.writeEndObject();
      json.writeEndObject();
    });
  }

  private static void write(JsonGenerator json, Problem problem) throws IOException {
    json.writeStringField("code", problem.code());
    json.writeStringField("error_message", problem.message());
    if (problem.param() != null) {
      json.writeStringField("param", problem.param());
    }
    if (problem.rule() != null) {
      json.writeStringField("rule", problem.rule());
    }
  }
}

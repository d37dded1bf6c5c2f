package io.kirincontract.mock.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Writes JSON bodies with the server's own mapper. */
final class JsonResponses {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonResponses() {}

  /** A body already written as JSON (UTF-8). */
  static void write(Context ctx, int status, byte[] json) {
    ctx.status(status).contentType("application/json").result(json);
  }

  static void write(Context ctx, int status, JsonNode body) {
    try {
      write(ctx, status, MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }
}

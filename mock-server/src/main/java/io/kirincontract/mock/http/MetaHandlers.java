package io.kirincontract.mock.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/** The mock's own endpoints, open without a key: health and the spec. */
final class MetaHandlers {

  private final byte[] specYaml;

  MetaHandlers(String specYaml) {
    this.specYaml = specYaml.getBytes(StandardCharsets.UTF_8);
  }

  void health(Context ctx) {
    JsonResponses.write(ctx, 200, JsonNodeFactory.instance.objectNode().put("status", "ok"));
  }

  void openApi(Context ctx) {
    ctx.status(200).contentType("application/yaml; charset=utf-8").result(specYaml);
  }
}

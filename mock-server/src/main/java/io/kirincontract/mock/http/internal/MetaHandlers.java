package io.kirincontract.mock.http.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/** The mock's own endpoints, open without a key: health and the spec. */
final class MetaHandlers {

  private final byte[] specYaml;
  private final String contractVersion;

  /** @param contractVersion {@code info.version} of the spec, reported by {@code /health} */
  MetaHandlers(String specYaml, String contractVersion) {
    this.specYaml = specYaml.getBytes(StandardCharsets.UTF_8);
    this.contractVersion = contractVersion;
  }

  /** {@code {"status": "ok", "contract_version": "1.0.0"}}. */
  void health(Context ctx) {
    JsonResponses.write(
        ctx,
        200,
        JsonNodeFactory.instance.objectNode().put("status", "ok").put("contract_version", contractVersion));
  }

  void openApi(Context ctx) {
    ctx.status(200).contentType("application/yaml; charset=utf-8").result(specYaml);
  }
}

package io.kirincontract.mock.proxy.internal;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kirincontract.mock.validation.internal.InvalidRequestException;
import io.kirincontract.mock.problems.Problem;
import io.kirincontract.mock.validation.internal.RequestValidator;
import io.kirincontract.spec.ErrorCodeDef;
import io.kirincontract.spec.KirinSpec;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The mock's own verdict on a create request, as its create endpoint would give it: the one place the drift watch
 * calls the validation pipeline ({@link RequestValidator#validate}, media fetched under the egress policy) and turns
 * its refusal into status, code and rule id. No task is made.
 */
public final class LocalVerdicts {

  static final String CREATE_PATH = "/v1/videos/generations";

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final RequestValidator validator;
  private final KirinSpec spec;

  public LocalVerdicts(RequestValidator validator, KirinSpec spec) {
    this.validator = validator;
    this.spec = spec;
  }

  /**
   * The verdict on {@code exchange}'s request; empty for requests that are not creates (a task the mock never made
   * cannot be judged locally).
   */
  public Optional<Verdict> judge(Exchange exchange) {
    if (!exchange.method().equals("POST") || !exchange.path().equals(CREATE_PATH)) {
      return Optional.empty();
    }
    if (!json(exchange.contentType())) {
      return Optional.of(new Verdict(415, "unsupported_media_type", null));
    }
    JsonNode body;
    try {
      body = JSON.readTree(exchange.body());
    } catch (IOException e) {
      return Optional.of(new Verdict(400, "invalid_json", null));
    }
    if (body == null || body.isMissingNode()) {
      return Optional.of(new Verdict(400, "invalid_json", null));
    }
    try {
      validator.validate(body);
      return Optional.of(Verdict.accepted());
    } catch (InvalidRequestException invalid) {
      Problem first = invalid.problems().get(0);
      int status = spec.errorCode(first.code()).map(ErrorCodeDef::status).orElse(400);
      return Optional.of(new Verdict(status, first.code(), first.rule()));
    }
  }

  private static boolean json(String contentType) {
    String mime = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return mime.equals("application/json") || (mime.startsWith("application/") && mime.endsWith("+json"));
  }
}

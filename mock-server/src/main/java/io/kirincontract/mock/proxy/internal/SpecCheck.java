package io.kirincontract.mock.proxy.internal;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.kirincontract.mock.util.internal.Lazy;
import io.kirincontract.spec.KirinSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The upstream's answer against the spec, with swagger-request-validator: a status the operation does not list, a body
 * that breaks the response schema (each with its JSON pointer). Paths the spec does not describe are not judged. The
 * validator is built on first use, on the judge's thread.
 */
final class SpecCheck {

  private final Lazy<OpenApiInteractionValidator> validator;

  SpecCheck(KirinSpec spec) {
    this.validator = Lazy.of(() -> OpenApiInteractionValidator.createForInlineApiSpecification(spec.yaml()).build());
  }

  List<Drift> check(Exchange exchange) {
    Request.Method method;
    try {
      method = Request.Method.valueOf(exchange.method().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.upstreamStatus());
    if (exchange.upstreamContentType() != null) {
      response.withContentType(exchange.upstreamContentType());
    }
    if (exchange.upstreamBody().length > 0) {
      response.withBody(new String(exchange.upstreamBody(), StandardCharsets.UTF_8));
    }
    ValidationReport report = validator.get().validateResponse(exchange.path(), method, response.build());
    List<Drift.Violation> violations = new ArrayList<>();
    boolean undocumented = false;
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() != ValidationReport.Level.ERROR) {
        continue;
      }
      String key = message.getKey();
      if (key.startsWith("validation.request.")) {
        return List.of(); // a path or method the spec does not describe: nothing to judge against
      } else if (key.equals("validation.response.status.unknown")) {
        undocumented = true;
      } else {
        String pointer =
            message.getContext().flatMap(ValidationReport.MessageContext::getPointers).map(p -> p.getInstance()).orElse("");
        violations.add(new Drift.Violation(pointer, message.getMessage()));
      }
    }
    List<Drift> drifts = new ArrayList<>();
    if (undocumented) {
      drifts.add(Drift.of(DriftKind.UNDOCUMENTED_STATUS, null));
    }
    if (!violations.isEmpty()) {
      drifts.add(new Drift(DriftKind.SCHEMA_VIOLATION, null, violations));
    }
    return drifts;
  }
}

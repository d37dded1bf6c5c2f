package io.kirincontract.mock.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.kirincontract.spec.KirinSpec;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Validates the mock's own output against the spec's own schemas: every Task and every error body a test receives.
 * Responses the spec does not list by path and status (unknown routes, 405) are checked against the
 * {@code ErrorResponse} schema through a documented error response; the mock's own successful answers outside the
 * API ({@code /health}) are not checked.
 */
public final class SpecConformance {

  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(KirinSpec.load().yaml()).build();

  private SpecConformance() {}

  public static void assertConforms(String method, String path, int status, String body) {
    ValidationReport report = validate(method, path, status, body);
    boolean undocumented =
        report.getMessages().stream()
            .anyMatch(
                message ->
                    message.getKey().startsWith("validation.response.status.unknown")
                        || message.getKey().startsWith("validation.request.path.missing")
                        || message.getKey().startsWith("validation.request.operation.notAllowed"));
    if (undocumented && status >= 400) {
      report = validate("POST", "/v1/videos/generations", 400, body);
    } else if (undocumented) {
      return; // the mock's own endpoints (/health), which the API spec does not describe
    }
    assertThat(report.hasErrors())
        .as(
            "%s %s -> %d must match the spec:%n%s%nbody: %s",
            method,
            path,
            status,
            report.getMessages().stream().map(Object::toString).collect(Collectors.joining("\n")),
            body.length() > 2000 ? body.substring(0, 2000) + "..." : body)
        .isFalse();
  }

  private static ValidationReport validate(String method, String path, int status, String body) {
    SimpleResponse response =
        SimpleResponse.Builder.status(status).withContentType("application/json").withBody(body).build();
    return VALIDATOR.validateResponse(
        path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response);
  }
}

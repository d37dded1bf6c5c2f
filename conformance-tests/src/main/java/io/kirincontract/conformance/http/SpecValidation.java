package io.kirincontract.conformance.http;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.kirincontract.spec.KirinSpec;
import io.swagger.v3.oas.models.callbacks.Callback;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;

/**
 * Checks every exchange against the spec. Responses go through swagger-request-validator's
 * {@link OpenApiValidationFilter}: a status or a body the spec does not allow fails the case with the validator's
 * message. Requests are not judged (the suite sends invalid ones on purpose). Callback bodies are checked against the
 * request schema of the spec's {@code taskStatusChanged} callback.
 */
public final class SpecValidation {

  private final OpenApiValidationFilter filter;
  private final SchemaValidator schemas;
  private final Schema<?> callbackSchema;

  public SpecValidation(KirinSpec spec) {
    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(spec.yaml())
            .withLevelResolver(
                LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE).build())
            .build();
    this.filter = new OpenApiValidationFilter(validator);
    this.schemas = new SchemaValidator(spec.openApi(), new MessageResolver());
    this.callbackSchema = callbackSchema(spec);
  }

  /** The REST Assured filter that validates each response. */
  public OpenApiValidationFilter filter() {
    return filter;
  }

  /**
   * Validates a callback body against the callback's schema.
   *
   * @return the validator's messages, empty when the body is valid
   */
  public String checkCallback(String body) {
    ValidationReport report = schemas.validate(body, callbackSchema, "callback");
    return report.hasErrors() ? SimpleValidationReportFormat.getInstance().apply(report) : "";
  }

  private static Schema<?> callbackSchema(KirinSpec spec) {
    Map<String, Callback> callbacks =
        spec.openApi().getPaths().get("/v1/videos/generations").getPost().getCallbacks();
    Callback callback = callbacks.get("taskStatusChanged");
    Schema<?> schema =
        callback.values().iterator().next().getPost().getRequestBody().getContent().get("application/json").getSchema();
    return spec.resolve(schema);
  }
}

package io.kirincontract.mock.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.rules.internal.RequestView;
import io.kirincontract.mock.rules.internal.media.MediaInspections;
import io.kirincontract.mock.tasks.TaskWarning;
import io.kirincontract.spec.ModelProfile;
import java.util.List;

/**
 * A request that passed every check, with what the checks learned on the way.
 *
 * @param profile the model's profile
 * @param body the request as sent
 * @param view read access with the spec's defaults
 * @param media the inspected media (for what the output follows: image size, input video duration)
 * @param ignoredParams parameters given but ignored by an {@code ignore} rule
 * @param warnings unknown properties, unreachable media, unresolved references (lenient policy)
 */
public record ValidatedRequest(
    ModelProfile profile,
    JsonNode body,
    RequestView view,
    MediaInspections media,
    List<String> ignoredParams,
    List<TaskWarning> warnings) {

  public ValidatedRequest {
    ignoredParams = List.copyOf(ignoredParams);
    warnings = List.copyOf(warnings);
  }

  /** The model id. */
  public String model() {
    return profile.modelId();
  }
}

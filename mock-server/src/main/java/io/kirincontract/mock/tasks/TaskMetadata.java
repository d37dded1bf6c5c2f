package io.kirincontract.mock.tasks;

import java.util.List;

/**
 * What a request resolved to, and what the server noticed about it (the Task's {@code metadata}).
 *
 * @param multiShot {@code null} for models without multi-shot
 * @param inputVideoDuration the video to edit's duration in seconds, or {@code null}
 */
public record TaskMetadata(
    String resolution,
    int width,
    int height,
    int fps,
    String aspectRatio,
    double duration,
    String mode,
    String sound,
    Boolean multiShot,
    String generationType,
    Double inputVideoDuration,
    List<String> ignoredParams,
    List<TaskWarning> warnings) {

  public TaskMetadata {
    ignoredParams = List.copyOf(ignoredParams);
    warnings = List.copyOf(warnings);
  }
}

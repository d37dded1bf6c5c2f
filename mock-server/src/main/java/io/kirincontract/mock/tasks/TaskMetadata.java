package io.kirincontract.mock.tasks;

import java.util.List;
import java.util.Objects;

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

  // Every new task looks its metadata up in an interner: equals and hashCode are written out, because the ones a
  // record generates go through method-handle dispatch, which showed in the create path's profile.

  @Override
  public boolean equals(Object other) {
    return other instanceof TaskMetadata that
        && width == that.width
        && height == that.height
        && fps == that.fps
        && Double.compare(duration, that.duration) == 0
        && Objects.equals(resolution, that.resolution)
        && Objects.equals(aspectRatio, that.aspectRatio)
        && Objects.equals(mode, that.mode)
        && Objects.equals(sound, that.sound)
        && Objects.equals(multiShot, that.multiShot)
        && Objects.equals(generationType, that.generationType)
        && Objects.equals(inputVideoDuration, that.inputVideoDuration)
        && ignoredParams.equals(that.ignoredParams)
        && warnings.equals(that.warnings);
  }

  @Override
  public int hashCode() {
    int hash = Objects.hashCode(resolution);
    hash = 31 * hash + width;
    hash = 31 * hash + height;
    hash = 31 * hash + fps;
    hash = 31 * hash + Objects.hashCode(aspectRatio);
    hash = 31 * hash + Double.hashCode(duration);
    hash = 31 * hash + Objects.hashCode(mode);
    hash = 31 * hash + Objects.hashCode(sound);
    hash = 31 * hash + Objects.hashCode(multiShot);
    hash = 31 * hash + Objects.hashCode(generationType);
    hash = 31 * hash + Objects.hashCode(inputVideoDuration);
    hash = 31 * hash + ignoredParams.hashCode();
    return 31 * hash + warnings.hashCode();
  }
}

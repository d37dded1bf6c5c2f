package io.kirincontract.client;

import io.kirincontract.client.errors.KirinErrorCode;
import io.kirincontract.client.model.ContentItem;
import io.kirincontract.client.model.Task;
import io.kirincontract.client.model.TaskStatus;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reading a {@link Task}: is it finished, did it fail and why, where is the video. */
public final class TaskResults {

  private TaskResults() {}

  /** {@code completed} or {@code failed}: the status will not change any more. */
  public static boolean isTerminal(Task task) {
    return isCompleted(task) || isFailed(task);
  }

  public static boolean isCompleted(Task task) {
    return Objects.requireNonNull(task, "task").getStatus() == TaskStatus.COMPLETED;
  }

  public static boolean isFailed(Task task) {
    return Objects.requireNonNull(task, "task").getStatus() == TaskStatus.FAILED;
  }

  /**
   * The generation-failure code of a failed task ({@code 002015095} is {@link
   * KirinErrorCode#O1_INTERNAL_GENERATION_ERROR}); {@link KirinErrorCode#UNKNOWN} for a code this client does
   * not know (the raw code is in {@code task.getError().getCode()}); empty when the task has no error.
   */
  public static Optional<KirinErrorCode> errorCode(Task task) {
    return Optional.ofNullable(Objects.requireNonNull(task, "task").getError())
        .map(error -> KirinErrorCode.of(error.getCode()));
  }

  /** The URL of the plain (not watermarked) video of a completed task. */
  public static Optional<URI> videoUrl(Task task) {
    return content(task).stream()
        .filter(item -> !Boolean.TRUE.equals(item.getWatermarked()))
        .map(ContentItem::getUrl)
        .filter(Objects::nonNull)
        .findFirst();
  }

  /** The URL of the watermarked video of a completed task that asked for one ({@code watermark_info}). */
  public static Optional<URI> watermarkedVideoUrl(Task task) {
    return content(task).stream()
        .filter(item -> Boolean.TRUE.equals(item.getWatermarked()))
        .map(ContentItem::getUrl)
        .filter(Objects::nonNull)
        .findFirst();
  }

  private static List<ContentItem> content(Task task) {
    Objects.requireNonNull(task, "task");
    if (task.getOutput() == null || task.getOutput().getContent() == null) {
      return List.of();
    }
    return task.getOutput().getContent();
  }
}

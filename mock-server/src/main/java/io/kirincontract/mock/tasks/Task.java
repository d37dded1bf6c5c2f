package io.kirincontract.mock.tasks;

import java.time.Instant;
import java.util.List;

/**
 * A task as the API shows it at one moment (the spec's {@code Task}): what {@code GET} returns and what a callback
 * carries. Immutable.
 *
 * @param tenant the API key that created it; tasks are private to it
 * @param externalTaskId the caller's own id, or {@code null}
 * @param updatedAt when the task entered its current status
 * @param output the results and cost; only when {@code completed}, else {@code null}
 * @param error why it failed; only when {@code failed}, else {@code null}
 */
public record Task(
    String id,
    String tenant,
    String model,
    TaskStatus status,
    String externalTaskId,
    Instant createdAt,
    Instant updatedAt,
    TaskMetadata metadata,
    Output output,
    Error error) {

  /**
   * What a completed task produced.
   *
   * @param content the plain video, and the watermarked one when asked for
   * @param cost USD with 4 decimals, from the price table
   */
  public record Output(List<ContentItem> content, String cost) {
    public Output {
      content = List.copyOf(content);
    }
  }

  /** One generated file, served by the mock. */
  public record ContentItem(String type, String url, double duration, String jobId, boolean watermarked) {}

  /** A failed task's generation-failure code and message (from the spec's error catalog). */
  public record Error(String code, String message) {}
}

package io.kirincontract.conformance.clientkit.grading;

import java.time.Instant;

/**
 * A task the run's key created, as the mock knows it at the end of the run.
 *
 * @param taskId its id
 * @param externalTaskId its {@code external_task_id}, or {@code null}
 * @param finalStatus {@code completed} or {@code failed}, or {@code null} while unfinished
 * @param finalAt when it reached the final status (wall clock), or {@code null} while unfinished
 */
public record TaskFacts(String taskId, String externalTaskId, String finalStatus, Instant finalAt) {

  public boolean finished() {
    return finalStatus != null && finalAt != null;
  }
}

package io.kirincontract.mock.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.tasks.Task;
import io.kirincontract.mock.tasks.TaskMetadata;
import io.kirincontract.mock.tasks.TaskStatus;
import io.kirincontract.mock.tasks.TaskWarning;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Task's JSON, byte for byte: field order, numbers without needless decimals, optional parts left out. */
class TaskRendererTest {

  private final TaskRenderer renderer = new TaskRenderer();

  private static final TaskMetadata PLAIN =
      new TaskMetadata("720p", 1280, 720, 24, "16:9", 5.0, "std", "off", null, "text_to_video", null, List.of(),
          List.of());

  @Test
  void aQueuedTaskHasNeitherOutputNorError() {
    Task task =
        new Task("task_1", "key", "kirin_v3_t2v", TaskStatus.QUEUED, null, Instant.parse("2026-11-22T10:00:00Z"),
            Instant.parse("2026-11-22T10:00:00.250Z"), PLAIN, null, null);

    assertThat(new String(renderer.bytes(task), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"id\":\"task_1\",\"model\":\"kirin_v3_t2v\",\"status\":\"queued\","
                + "\"created_at\":\"2026-11-22T10:00:00Z\",\"updated_at\":\"2026-11-22T10:00:00.250Z\","
                + "\"metadata\":{\"resolution\":\"720p\",\"width\":1280,\"height\":720,\"fps\":24,"
                + "\"aspect_ratio\":\"16:9\",\"duration\":5,\"mode\":\"std\",\"sound\":\"off\","
                + "\"generation_type\":\"text_to_video\",\"ignored_params\":[],\"warnings\":[]}}");
  }

  @Test
  void aViewWrittenAgainComesFromTheCacheAndAChangedViewIsWrittenAfresh() {
    Task queued = queued("task_2");
    Task sameView = queued(new String("task_2"));
    Task processing =
        new Task("task_2", "key", "kirin_v3_t2v", TaskStatus.PROCESSING, null, Instant.parse("2026-11-22T10:00:00Z"),
            Instant.parse("2026-11-22T10:00:01Z"), PLAIN, null, null);

    byte[] first = renderer.bytes(queued);
    assertThat(renderer.bytes(sameView)).as("an equal view: the bytes already written").isSameAs(first);
    String later = new String(renderer.bytes(processing), StandardCharsets.UTF_8);
    assertThat(later).contains("\"status\":\"processing\"", "\"updated_at\":\"2026-11-22T10:00:01Z\"");
    assertThat(new String(renderer.bytes(queued), StandardCharsets.UTF_8)).contains("\"status\":\"queued\"");
  }

  @Test
  void aNewTaskIsWrittenAsAnyAndKeptForTheFirstPoll() {
    Task created = queued("task_3");
    Task polled = queued(new String("task_3"));

    byte[] answered = renderer.bytesOfNew(created);

    assertThat(answered).isEqualTo(new TaskRenderer().bytes(polled));
    assertThat(renderer.bytes(polled)).as("the first poll of an unchanged task: the bytes already written")
        .isSameAs(answered);
  }

  @Test
  void aCompletedTaskHasEveryOutputAndItsUsage() {
    TaskMetadata metadata =
        new TaskMetadata("1080p", 1920, 1080, 30, "9:16", 6.8, "pro", "on", true, "video_to_video", 6.8,
            List.of("negative_prompt"),
            List.of(new TaskWarning("R1", "cfg_scale", "ignored"), new TaskWarning(null, null, "note")));
    Task.Output output =
        new Task.Output(
            List.of(
                new Task.ContentItem("video", "http://h/a.mp4", 6.8, "job_1", false),
                new Task.ContentItem("video", "http://h/b.mp4", 6.8, "job_1", true)),
            "0.3500");
    Task task =
        new Task("task_2", "key", "kirin_video_o1", TaskStatus.COMPLETED, "ext-\"1\"",
            Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T10:00:05Z"), metadata, output, null);

    assertThat(new String(renderer.bytes(task), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"id\":\"task_2\",\"model\":\"kirin_video_o1\",\"status\":\"completed\","
                + "\"external_task_id\":\"ext-\\\"1\\\"\","
                + "\"created_at\":\"2026-11-22T10:00:00Z\",\"updated_at\":\"2026-11-22T10:00:05Z\","
                + "\"output\":{\"content\":["
                + "{\"type\":\"video\",\"url\":\"http://h/a.mp4\",\"duration\":6.8,\"jobId\":\"job_1\",\"watermarked\":false},"
                + "{\"type\":\"video\",\"url\":\"http://h/b.mp4\",\"duration\":6.8,\"jobId\":\"job_1\",\"watermarked\":true}]},"
                + "\"usage\":{\"cost\":\"0.3500\",\"discount\":0},"
                + "\"metadata\":{\"resolution\":\"1080p\",\"width\":1920,\"height\":1080,\"fps\":30,"
                + "\"aspect_ratio\":\"9:16\",\"duration\":6.8,\"mode\":\"pro\",\"sound\":\"on\",\"multi_shot\":true,"
                + "\"generation_type\":\"video_to_video\",\"input_video_duration\":6.8,"
                + "\"ignored_params\":[\"negative_prompt\"],"
                + "\"warnings\":[{\"rule\":\"R1\",\"param\":\"cfg_scale\",\"message\":\"ignored\"},{\"message\":\"note\"}]}}");
  }

  @Test
  void aFailedTaskHasItsErrorAndTheTreeHasTheSameFields() {
    Task task =
        new Task("task_3", "key", "kirin_v3_i2v", TaskStatus.FAILED, null, Instant.parse("2026-11-22T10:00:00Z"),
            Instant.parse("2026-11-22T10:00:03.007Z"), PLAIN, null, new Task.Error("1301", "Content rejected"));

    String json = new String(renderer.bytes(task), StandardCharsets.UTF_8);

    assertThat(json).endsWith(",\"error\":{\"code\":\"1301\",\"error_message\":\"Content rejected\"}}");
    assertThat(json).contains("\"status\":\"failed\"").doesNotContain("output").doesNotContain("usage");
    assertThat(renderer.render(task).toString()).isEqualTo(json);
  }

  /** A queued task of 2026-11-22T10:00:00Z; the id is used as given (a copy makes an equal view, not the same). */
  private static Task queued(String id) {
    Instant at = Instant.parse("2026-11-22T10:00:00Z");
    return new Task(id, "key", "kirin_v3_t2v", TaskStatus.QUEUED, null, at, at, PLAIN, null, null);
  }
}

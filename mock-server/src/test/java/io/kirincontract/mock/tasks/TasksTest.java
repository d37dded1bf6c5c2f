package io.kirincontract.mock.tasks;

import static io.kirincontract.mock.support.Bodies.imageEntry;
import static io.kirincontract.mock.support.Bodies.imageList;
import static io.kirincontract.mock.support.Bodies.json;
import static io.kirincontract.mock.support.Bodies.video;
import static io.kirincontract.mock.support.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.media.SyntheticMedia;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.Media;
import io.kirincontract.mock.support.MediaHost;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.mock.tasks.internal.TaskId;
import io.kirincontract.mock.tasks.internal.TaskIds;
import io.kirincontract.mock.tasks.internal.TaskRecord;
import io.kirincontract.mock.tasks.internal.TaskStore;
import io.kirincontract.mock.tasks.internal.TaskTimeline;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Valid requests create queued tasks, kept per API key, found by id and by the caller's external id. */
class TasksTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static KirinMockServer server;
  private static MediaHost host;
  private static MockApi api;

  @BeforeAll
  static void start() throws IOException {
    host = new MediaHost();
    server = KirinMockServer.start(config -> config.port(0).clock(Clock.fixed(NOW, ZoneOffset.UTC)));
    api = new MockApi(server.baseUrl(), "tenant-a");
  }

  @AfterAll
  static void stop() {
    server.stop();
    host.close();
  }

  @Test
  void aValidRequestCreatesAQueuedTaskWithWhatItResolvedTo() {
    JsonNode task =
        api.create(
                json("{'model': 'kirin_v3_t2v', 'prompt': 'A fox', 'mode': 'pro', 'aspect_ratio': '9:16',"
                    + " 'duration': '8', 'sound': 'on', 'external_task_id': 'order-1'}"))
            .assertQueued();
    assertThat(task.path("id").asText()).matches("task_[0-9A-HJKMNP-TV-Z]{26}");
    assertThat(task.path("model").asText()).isEqualTo("kirin_v3_t2v");
    assertThat(task.path("external_task_id").asText()).isEqualTo("order-1");
    assertThat(task.path("created_at").asText()).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(task.path("updated_at").asText()).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(task.has("output")).isFalse();
    assertThat(task.has("usage")).isFalse();
    assertThat(task.has("error")).isFalse();
    assertThat(task.path("metadata"))
        .isEqualTo(
            json("{'resolution': '1080p', 'width': 1080, 'height': 1920, 'fps': 24, 'aspect_ratio': '9:16',"
                + " 'duration': 8, 'mode': 'pro', 'sound': 'on', 'multi_shot': false,"
                + " 'generation_type': 'text_to_video', 'ignored_params': [], 'warnings': []}"));
  }

  @Test
  void theDefaultsComeFromTheSpec() {
    JsonNode metadata = api.create(Bodies.v3t2v()).assertQueued().path("metadata");
    assertThat(metadata.path("mode").asText()).isEqualTo("std");
    assertThat(metadata.path("resolution").asText()).isEqualTo("720p");
    assertThat(metadata.path("width").asInt()).isEqualTo(1280);
    assertThat(metadata.path("aspect_ratio").asText()).isEqualTo("16:9");
    assertThat(metadata.path("duration").asInt()).isEqualTo(5);
    assertThat(metadata.path("sound").asText()).isEqualTo("off");

    assertThat(api.create(Bodies.o1()).assertQueued().path("metadata").path("resolution").asText())
        .as("O1 defaults to pro")
        .isEqualTo("1080p");
  }

  @Test
  void v2MasterIs720pAndV21MasterIs1080pFollowingTheImage() {
    JsonNode v2 = api.create(Bodies.v2t2v()).assertQueued().path("metadata");
    assertThat(v2.path("resolution").asText()).isEqualTo("720p");
    assertThat(v2.path("fps").asInt()).isEqualTo(24);
    assertThat(v2.has("multi_shot")).isFalse();

    JsonNode v21 = api.create(Bodies.v21i2v(Media.png(750, 300))).assertQueued().path("metadata");
    assertThat(v21.path("resolution").asText()).isEqualTo("1080p");
    assertThat(v21.path("aspect_ratio").asText()).isEqualTo("5:2");
    assertThat(v21.path("width").asInt()).isEqualTo(2700);
    assertThat(v21.path("height").asInt()).isEqualTo(1080);
    assertThat(v21.path("generation_type").asText()).isEqualTo("image_to_video");
  }

  @Test
  void aVideoEditTakesTheInputVideosDurationAndSound() {
    String url = host.serve("/edit.mp4", SyntheticMedia.mp4(1920, 1080, 30, 6.8));
    JsonNode metadata =
        api.create(with(with(Bodies.o1(), b -> { b.remove("aspect_ratio"); b.put("duration", "5"); }), b -> {
              video(url, "base").accept(b);
              ((com.fasterxml.jackson.databind.node.ObjectNode) b.withArray("video_list").get(0))
                  .put("keep_original_sound", "yes");
            }))
            .assertQueued()
            .path("metadata");
    assertThat(metadata.path("generation_type").asText()).isEqualTo("video_edit");
    assertThat(metadata.path("duration").asDouble())
        .as("6.8 s to the nearest whole frame of the 24 fps output: 163 frames")
        .isEqualTo(163 / 24.0);
    assertThat(metadata.path("input_video_duration").asDouble()).isEqualTo(6.8);
    assertThat(metadata.path("aspect_ratio").asText()).isEqualTo("16:9");
    assertThat(metadata.path("sound").asText()).isEqualTo("on");
    assertThat(metadata.path("ignored_params")).containsExactly(MockApi.JSON.getNodeFactory().textNode("duration"));
  }

  @Test
  void o1FramesFollowTheFirstFrame() {
    JsonNode metadata =
        api.create(with(with(Bodies.o1(), b -> b.remove("aspect_ratio")),
                imageList(imageEntry(Media.png(300, 400), "first_frame"), imageEntry(Media.png(300, 400), "end_frame"))))
            .assertQueued()
            .path("metadata");
    assertThat(metadata.path("aspect_ratio").asText()).isEqualTo("3:4");
    assertThat(metadata.path("generation_type").asText()).isEqualTo("frames_to_video");
  }

  @Test
  void unknownPropertiesAreAcceptedWithAWarning() {
    JsonNode task =
        api.create(with(Bodies.v3t2v(), b -> {
              b.put("seed", 42);
              b.putObject("watermark_info").put("enabled", true).put("text", "mine");
            }))
            .assertQueued();
    assertThat(task.path("metadata").path("warnings").findValuesAsText("param"))
        .containsExactly("seed", "watermark_info.text");
  }

  @Test
  void aTaskIsFoundByIdAndByExternalIdAsItWasCreated() {
    JsonNode created = api.create(with(Bodies.v2t2v(), b -> b.put("external_task_id", "find-me"))).assertQueued();
    String id = created.path("id").asText();
    assertThat(api.get("/v1/videos/generations/" + id).json()).isEqualTo(created);
    assertThat(api.get("/v1/videos/generations/external/find-me").json()).isEqualTo(created);
  }

  @Test
  void anUnknownTaskIs404TaskNotFound() {
    api.get("/v1/videos/generations/task_00000000000000000000000000").assertError(404, "task_not_found", null, null);
    api.get("/v1/videos/generations/external/never-used").assertError(404, "task_not_found", null, null);
  }

  @Test
  void anotherKeysTaskIs404AsIfItDidNotExist() {
    JsonNode created = api.create(with(Bodies.v2t2v(), b -> b.put("external_task_id", "private"))).assertQueued();
    MockApi other = api.withKey("tenant-b");
    other.get("/v1/videos/generations/" + created.path("id").asText()).assertError(404, "task_not_found", null, null);
    other.get("/v1/videos/generations/external/private").assertError(404, "task_not_found", null, null);
  }

  @Test
  void reusingAnExternalIdWithTheSameKeyIs409AndAnotherKeyMayUseIt() {
    api.create(with(Bodies.v2t2v(), b -> b.put("external_task_id", "twice"))).assertQueued();
    api.create(with(Bodies.v2t2v(), b -> b.put("external_task_id", "twice")))
        .assertError(409, "external_task_id_conflict", "external_task_id", null);
    api.withKey("tenant-c").create(with(Bodies.v2t2v(), b -> b.put("external_task_id", "twice"))).assertQueued();
  }

  @Test
  void theStoreKeepsTasksPerKey() {
    TaskStore store = new TaskStore();
    TaskId id = new TaskIds().next(NOW.toEpochMilli());
    TaskRecord task =
        new TaskRecord(id, "k1", "kirin_v3_t2v", "ext", null, metadata(), false,
            TaskTimeline.of(NOW.toEpochMilli(), 1000, 1000));
    store.add(task);
    assertThat(store.find("k1", id.toString())).contains(task);
    assertThat(store.find("k2", id.toString())).isEmpty();
    assertThat(store.findByExternalId("k1", "ext")).contains(task);
    assertThat(store.findByExternalId("k2", "ext")).isEmpty();
    assertThat(task.statusAt(NOW.toEpochMilli() + 1000)).isEqualTo(TaskStatus.PROCESSING);
  }

  private static TaskMetadata metadata() {
    return new TaskMetadata("720p", 1280, 720, 24, "16:9", 5, "std", "off", false, "text_to_video", null,
        java.util.List.of(), java.util.List.of());
  }
}

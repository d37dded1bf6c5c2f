package io.kirincontract.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.client.model.ContentItem;
import io.kirincontract.client.model.ModelId;
import io.kirincontract.client.model.Task;
import io.kirincontract.client.model.TaskError;
import io.kirincontract.client.model.TaskMetadata;
import io.kirincontract.client.model.TaskStatus;
import io.kirincontract.client.model.TaskUsage;
import io.kirincontract.client.model.TaskWarning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spec's example Tasks (read from the spec file) through the generated {@link Task} and the client's mapper. */
class TaskDeserializationTest {

  private static final Map<String, Function<Task, Object>> TASK = new LinkedHashMap<>();
  private static final Map<String, Function<TaskMetadata, Object>> METADATA = new LinkedHashMap<>();
  private static final Map<String, Function<ContentItem, Object>> CONTENT = new LinkedHashMap<>();
  private static final Map<String, Function<TaskUsage, Object>> USAGE = new LinkedHashMap<>();
  private static final Map<String, Function<TaskWarning, Object>> WARNING = new LinkedHashMap<>();
  private static final Map<String, Function<TaskError, Object>> ERROR = new LinkedHashMap<>();

  static {
    TASK.put("id", Task::getId);
    TASK.put("model", Task::getModel);
    TASK.put("status", Task::getStatus);
    TASK.put("external_task_id", Task::getExternalTaskId);
    TASK.put("created_at", Task::getCreatedAt);
    TASK.put("updated_at", Task::getUpdatedAt);
    TASK.put("output", Task::getOutput);
    TASK.put("usage", Task::getUsage);
    TASK.put("metadata", Task::getMetadata);
    TASK.put("error", Task::getError);
    METADATA.put("resolution", TaskMetadata::getResolution);
    METADATA.put("width", TaskMetadata::getWidth);
    METADATA.put("height", TaskMetadata::getHeight);
    METADATA.put("fps", TaskMetadata::getFps);
    METADATA.put("aspect_ratio", TaskMetadata::getAspectRatio);
    METADATA.put("duration", TaskMetadata::getDuration);
    METADATA.put("mode", TaskMetadata::getMode);
    METADATA.put("sound", TaskMetadata::getSound);
    METADATA.put("multi_shot", TaskMetadata::getMultiShot);
    METADATA.put("generation_type", TaskMetadata::getGenerationType);
    METADATA.put("input_video_duration", TaskMetadata::getInputVideoDuration);
    METADATA.put("ignored_params", TaskMetadata::getIgnoredParams);
    METADATA.put("warnings", TaskMetadata::getWarnings);
    CONTENT.put("type", ContentItem::getType);
    CONTENT.put("url", ContentItem::getUrl);
    CONTENT.put("duration", ContentItem::getDuration);
    CONTENT.put("jobId", ContentItem::getJobId);
    CONTENT.put("watermarked", ContentItem::getWatermarked);
    USAGE.put("cost", TaskUsage::getCost);
    USAGE.put("discount", TaskUsage::getDiscount);
    WARNING.put("rule", TaskWarning::getRule);
    WARNING.put("param", TaskWarning::getParam);
    WARNING.put("message", TaskWarning::getMessage);
    ERROR.put("code", TaskError::getCode);
    ERROR.put("error_message", TaskError::getErrorMessage);
  }

  @ParameterizedTest(name = "the example {0} is read as a {1} Task with every field and written back unchanged")
  @CsvSource({
    "TaskQueued, QUEUED",
    "TaskProcessing, PROCESSING",
    "TaskCompleted, COMPLETED",
    "TaskCompletedWatermarked, COMPLETED",
    "TaskFailed, FAILED"
  })
  void anExampleTaskIsReadWithEveryFieldAndWrittenBackUnchanged(String example, TaskStatus status) {
    JsonNode json = SpecFile.example(example);

    Task task = Json.read(json, Task.class);

    assertThat(task.getStatus()).isEqualTo(status);
    assertEveryField(task, json, TASK);
    assertEveryField(task.getMetadata(), json.get("metadata"), METADATA);
    for (int i = 0; i < json.at("/metadata/warnings").size(); i++) {
      assertEveryField(task.getMetadata().getWarnings().get(i), json.at("/metadata/warnings/" + i), WARNING);
    }
    if (json.has("output")) {
      assertThat(task.getOutput().getContent()).hasSameSizeAs(json.at("/output/content"));
      for (int i = 0; i < json.at("/output/content").size(); i++) {
        assertEveryField(task.getOutput().getContent().get(i), json.at("/output/content/" + i), CONTENT);
      }
    }
    if (json.has("usage")) {
      assertEveryField(task.getUsage(), json.get("usage"), USAGE);
    }
    if (json.has("error")) {
      assertEveryField(task.getError(), json.get("error"), ERROR);
    }
    assertThat(Json.written(task)).isEqualTo(json);
  }

  @Test
  void theExamplesCoverEveryStatusAndEveryPartOfATask() {
    List<JsonNode> examples =
        List.of(
            SpecFile.example("TaskQueued"),
            SpecFile.example("TaskProcessing"),
            SpecFile.example("TaskCompleted"),
            SpecFile.example("TaskCompletedWatermarked"),
            SpecFile.example("TaskFailed"));

    assertThat(examples.stream().map(json -> json.get("status").asText()).distinct())
        .containsExactlyInAnyOrder("queued", "processing", "completed", "failed");
    assertThat(examples)
        .anyMatch(json -> json.at("/output/content").size() == 2)
        .anyMatch(json -> json.has("usage"))
        .anyMatch(json -> json.has("error"))
        .anyMatch(json -> json.at("/metadata/warnings").size() > 0)
        .anyMatch(json -> json.at("/metadata/ignored_params").size() > 0);
  }

  @Test
  void aWatermarkedTaskHoldsThePlainAndTheWatermarkedResult() {
    Task task = Json.read(SpecFile.example("TaskCompletedWatermarked"), Task.class);

    assertThat(task.getOutput().getContent()).extracting(ContentItem::getWatermarked).containsExactly(false, true);
    assertThat(task.getMetadata().getIgnoredParams()).containsExactly("duration");
    assertThat(task.getMetadata().getWarnings()).singleElement().extracting(TaskWarning::getRule).isNotNull();
  }

  @Test
  void aStatusTheClientDoesNotKnowIsReadAsTheUnknownCaseInsteadOfFailing() {
    ObjectNode json = (ObjectNode) SpecFile.example("TaskProcessing");
    json.put("status", "paused");
    json.put("model", "kirin_v4_t2v");
    json.put("a_future_field", "ignored");

    Task task = Json.read(json, Task.class);

    assertThat(task.getStatus()).isEqualTo(TaskStatus.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(task.getModel()).isEqualTo(ModelId.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(task.getId()).isEqualTo(json.get("id").asText());
    assertThat(task.getMetadata().getResolution()).isEqualTo(json.at("/metadata/resolution").asText());
  }

  /**
   * Every property of {@code json} has a getter in {@code getters}, the getter's value is not null, and it
   * writes back to the same JSON.
   */
  private static <T> void assertEveryField(T object, JsonNode json, Map<String, Function<T, Object>> getters) {
    assertThat(object).as("object for %s", json).isNotNull();
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);

    assertThat(getters.keySet()).as("checked properties").containsAll(names);
    for (String name : names) {
      Object value = getters.get(name).apply(object);
      assertThat(value).as("%s of %s", name, object.getClass().getSimpleName()).isNotNull();
      assertThat(Json.written(value)).as("%s of %s", name, object.getClass().getSimpleName()).isEqualTo(json.get(name));
    }
  }
}

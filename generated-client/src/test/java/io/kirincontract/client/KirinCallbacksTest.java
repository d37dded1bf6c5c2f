package io.kirincontract.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.client.model.ModelId;
import io.kirincontract.client.model.Task;
import io.kirincontract.client.model.TaskStatus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading callback bodies: the Task as {@code GET} returns it, read tolerantly. */
class KirinCallbacksTest {

  @Test
  void aCallbackBodyIsReadAsTheTaskItCarries() {
    Task task = KirinCallbacks.parse(Fixtures.task("TaskCompleted"));

    assertThat(task.getId()).isEqualTo("task_01JDX8Z6Q2W3E4R5T6Y7U8I9O0");
    assertThat(TaskResults.isCompleted(task)).isTrue();
    assertThat(task.getUsage().getCost()).isEqualTo("0.5000");
  }

  @Test
  void aCallbackBodyGivenAsUtf8BytesIsReadTheSame() {
    ObjectNode json = (ObjectNode) SpecFile.example("TaskProcessing");
    json.put("external_task_id", "auftrag-überprüfung-δ");

    Task task = KirinCallbacks.parse(json.toString().getBytes(StandardCharsets.UTF_8));

    assertThat(task.getExternalTaskId()).isEqualTo("auftrag-überprüfung-δ");
  }

  @Test
  void anUnknownStatusModelAndFieldsAreToleratedNotRefused() {
    ObjectNode json = (ObjectNode) SpecFile.example("TaskProcessing");
    json.put("status", "archived").put("model", "kirin_v4_t2v").put("a_future_field", 42);
    json.putObject("another_future_object").put("x", 1);

    Task task = KirinCallbacks.parse(json.toString());

    assertThat(task.getStatus()).isEqualTo(TaskStatus.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(task.getModel()).isEqualTo(ModelId.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(TaskResults.isTerminal(task)).isFalse();
    assertThat(task.getId()).isEqualTo(json.get("id").asText());
  }

  @Test
  void aBodyThatIsNotATaskIsRefusedWithAnIllegalArgument() {
    assertThatThrownBy(() -> KirinCallbacks.parse("{not json"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Task");
    assertThatThrownBy(() -> KirinCallbacks.parse("{\"status\":\"completed\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id and status");
    assertThatThrownBy(() -> KirinCallbacks.parse("[]")).isInstanceOf(IllegalArgumentException.class);
  }
}

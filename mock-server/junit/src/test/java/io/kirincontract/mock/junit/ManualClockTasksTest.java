package io.kirincontract.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kirincontract.client.KirinClient;
import io.kirincontract.client.KirinRequests;
import io.kirincontract.client.TaskResults;
import io.kirincontract.client.errors.KirinErrorCode;
import io.kirincontract.client.errors.KirinTaskFailedException;
import io.kirincontract.client.model.Task;
import io.kirincontract.client.model.TaskStatus;
import io.kirincontract.mock.admin.MockAdmin;
import io.kirincontract.mock.lifecycle.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** On the manual clock a test moves tasks by advancing time; nothing waits. */
@KirinMockTest(manualClock = true)
class ManualClockTasksTest {

  @Test
  void advancingTheClockTakesATaskThroughProcessingToCompleted(KirinClient client, ManualClock clock) {
    Task task = client.create(KirinRequests.v3TextToVideo().prompt("A red fox in the snow").build());

    clock.advance(Duration.ofSeconds(1));
    assertThat(client.get(task.getId()).getStatus()).isEqualTo(TaskStatus.PROCESSING);

    clock.advance(Duration.ofMillis(3500));
    Task done = client.get(task.getId());
    assertThat(done.getStatus()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(TaskResults.videoUrl(done)).isPresent();
    assertThat(client.awaitSuccess(done, Duration.ZERO)).isSameAs(done);
  }

  @Test
  void aTaskMadeToFailEndsWithTheChosenCode(KirinClient client, MockAdmin admin) {
    Task task = client.create(KirinRequests.v3TextToVideo().prompt("A fox that will not render").build());
    admin.failTask(task.getId(), "006001099", io.kirincontract.mock.tasks.TaskStatus.PROCESSING);

    admin.advanceClock(Duration.ofSeconds(10));

    Task failed = client.get(task.getId());
    assertThat(failed.getStatus()).isEqualTo(TaskStatus.FAILED);
    assertThat(failed.getError().getCode()).isEqualTo("006001099");
    assertThatThrownBy(() -> client.awaitSuccess(failed, Duration.ZERO))
        .isInstanceOfSatisfying(
            KirinTaskFailedException.class,
            e -> assertThat(e.errorCode()).isEqualTo(KirinErrorCode.of("006001099")));
  }

  @Test
  void withoutAnAdvanceNothingMoves(KirinClient client, ManualClock clock) {
    Task task = client.create(KirinRequests.v2MasterTextToVideo().prompt("A paper boat").build());

    assertThat(client.get(task.getId()).getStatus()).isEqualTo(TaskStatus.QUEUED);
    assertThat(client.get(task.getId()).getCreatedAt().toInstant()).isEqualTo(clock.instant());
  }
}

package io.kirincontract.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kirincontract.client.errors.KirinErrorCode;
import io.kirincontract.client.errors.KirinNotFoundException;
import io.kirincontract.client.errors.KirinTaskFailedException;
import io.kirincontract.client.errors.KirinTimeoutException;
import io.kirincontract.client.model.Task;
import io.kirincontract.client.model.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Waiting for a task: polls spaced by the polling policy on manual time, the progress listener told of each
 * status once, a timeout with the last task, and a failed task returned or thrown. Each case sync and async.
 */
class AwaitCompletionTest {

  private static final String ID = "task_1";

  private final ManualTime time = new ManualTime();
  private final StubServer stub = StubServer.start();
  private final KirinClient client = Fixtures.client(stub, time).build();
  private final List<TaskStatus> told = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    client.close();
    stub.close();
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void aTaskIsPolledThroughQueuedAndProcessingToCompletedAndTheListenerHearsEachStatusOnce(CallPath path) {
    stub.respond(200, Fixtures.task(ID, "queued"))
        .respond(200, Fixtures.task(ID, "processing"))
        .respond(200, Fixtures.task(ID, "processing"))
        .respond(200, Fixtures.task(ID, "completed"));

    Task done = path.call(
        () -> client.awaitCompletion(ID, Duration.ofMinutes(5), task -> told.add(task.getStatus())),
        () -> client.awaitCompletionAsync(ID, Duration.ofMinutes(5), task -> told.add(task.getStatus())));

    assertThat(done.getStatus()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(told).containsExactly(TaskStatus.QUEUED, TaskStatus.PROCESSING, TaskStatus.COMPLETED);
    assertThat(stub.requests()).hasSize(4)
        .allSatisfy(r -> assertThat(r.path()).isEqualTo("/v1/videos/generations/" + ID));
    assertThat(time.sleeps())
        .containsExactly(Duration.ofMillis(1000), Duration.ofMillis(1500), Duration.ofMillis(2250));
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void waitingOnATaskAlreadyInHandPollsOnlyAfterTheFirstInterval(CallPath path) {
    Task queued = KirinCallbacks.parse(Fixtures.task(ID, "queued"));
    stub.respond(200, Fixtures.task(ID, "completed"));

    Task done = path.call(
        () -> client.awaitCompletion(queued, Duration.ofMinutes(5), task -> told.add(task.getStatus())),
        () -> client.awaitCompletionAsync(queued, Duration.ofMinutes(5), task -> told.add(task.getStatus())));

    assertThat(done.getStatus()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(told).containsExactly(TaskStatus.QUEUED, TaskStatus.COMPLETED);
    assertThat(stub.requests()).hasSize(1);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void aTaskAlreadyFinishedIsReturnedWithoutAnyRequest(CallPath path) {
    Task completed = KirinCallbacks.parse(Fixtures.task("TaskCompleted"));

    Task done = path.call(() -> client.awaitCompletion(completed, Duration.ofMinutes(5)),
        () -> client.awaitCompletionAsync(completed, Duration.ofMinutes(5)));

    assertThat(done).isSameAs(completed);
    assertThat(stub.requests()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void aTaskStillRunningAtTheTimeoutEndsInATimeoutExceptionHoldingTheLastTask(CallPath path) {
    for (int i = 0; i < 6; i++) {
      stub.respond(200, Fixtures.task(ID, "processing"));
    }

    KirinTimeoutException error = catchThrowableOfType(KirinTimeoutException.class, () -> path.call(
        () -> client.awaitCompletion(ID, Duration.ofSeconds(5)),
        () -> client.awaitCompletionAsync(ID, Duration.ofSeconds(5))));

    assertThat(error.lastTask()).hasValueSatisfying(task -> {
      assertThat(task.getId()).isEqualTo(ID);
      assertThat(task.getStatus()).isEqualTo(TaskStatus.PROCESSING);
    });
    assertThat(error.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(time.sleeps()).as("the last wait is cut short at the timeout, where one last poll is made")
        .containsExactly(Duration.ofMillis(1000), Duration.ofMillis(1500), Duration.ofMillis(2250),
            Duration.ofMillis(250));
    assertThat(stub.requests()).hasSize(5);
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void aFailedTaskIsReturnedByAwaitCompletionWithItsErrorCode(CallPath path) {
    stub.respond(200, Fixtures.task(ID, "processing")).respond(200, Fixtures.task("TaskFailed"));

    Task done = path.call(() -> client.awaitCompletion(ID, Duration.ofMinutes(1)),
        () -> client.awaitCompletionAsync(ID, Duration.ofMinutes(1)));

    assertThat(TaskResults.isFailed(done)).isTrue();
    assertThat(TaskResults.errorCode(done)).contains(KirinErrorCode.O1_INTERNAL_GENERATION_ERROR);
    assertThat(TaskResults.videoUrl(done)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void aFailedTaskIsThrownByAwaitSuccessCarryingTheTaskAndItsCode(CallPath path) {
    stub.respond(200, Fixtures.task(ID, "processing")).respond(200, Fixtures.task("TaskFailed"));

    KirinTaskFailedException error = catchThrowableOfType(KirinTaskFailedException.class, () -> path.call(
        () -> client.awaitSuccess(ID, Duration.ofMinutes(1)),
        () -> client.awaitSuccessAsync(ID, Duration.ofMinutes(1))));

    assertThat(error.task().getStatus()).isEqualTo(TaskStatus.FAILED);
    assertThat(error.code()).isEqualTo("002015095");
    assertThat(error.errorCode()).isEqualTo(KirinErrorCode.O1_INTERNAL_GENERATION_ERROR);
    assertThat(error.errorMessage()).isEqualTo("Internal generation error");
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void aCompletedTaskIsReturnedByAwaitSuccess(CallPath path) {
    Task queued = KirinCallbacks.parse(Fixtures.task(ID, "queued"));
    stub.respond(200, Fixtures.task("TaskCompleted"));

    Task done = path.call(() -> client.awaitSuccess(queued, Duration.ofMinutes(1)),
        () -> client.awaitSuccessAsync(queued, Duration.ofMinutes(1)));

    assertThat(TaskResults.isCompleted(done)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void aStatusThisClientDoesNotKnowIsNotTheEndAndPollingGoesOn(CallPath path) {
    stub.respond(200, Fixtures.task(ID, "processing"))
        .respond(200, Fixtures.task(ID, "paused"))
        .respond(200, Fixtures.task(ID, "completed"));

    Task done = path.call(
        () -> client.awaitCompletion(ID, Duration.ofMinutes(1), task -> told.add(task.getStatus())),
        () -> client.awaitCompletionAsync(ID, Duration.ofMinutes(1), task -> told.add(task.getStatus())));

    assertThat(done.getStatus()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(told).containsExactly(
        TaskStatus.PROCESSING, TaskStatus.UNKNOWN_DEFAULT_OPEN_API, TaskStatus.COMPLETED);
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void aPollThatFailsForAMomentIsRetriedAndTheWaitGoesOn(CallPath path) {
    stub.respond(200, Fixtures.task(ID, "processing"))
        .respond(503, Fixtures.error("ErrorServiceUnavailable"), "Retry-After", "2")
        .respond(200, Fixtures.task(ID, "completed"));

    Task done = path.call(() -> client.awaitCompletion(ID, Duration.ofMinutes(1)),
        () -> client.awaitCompletionAsync(ID, Duration.ofMinutes(1)));

    assertThat(done.getStatus()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void aTaskThatDisappearsEndsTheWaitWithNotFound(CallPath path) {
    stub.respond(404, Fixtures.error("ErrorTaskNotFound"));

    catchThrowableOfType(KirinNotFoundException.class, () -> path.call(
        () -> client.awaitCompletion(ID, Duration.ofMinutes(1)),
        () -> client.awaitCompletionAsync(ID, Duration.ofMinutes(1))));

    assertThat(stub.requests()).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void thePollingPolicySpacesThePollsUpToItsMaximum(CallPath path) {
    for (int i = 0; i < 4; i++) {
      stub.respond(200, Fixtures.task(ID, "processing"));
    }
    stub.respond(200, Fixtures.task(ID, "completed"));
    PollingPolicy steady = PollingPolicy.builder()
        .initialInterval(Duration.ofSeconds(2)).multiplier(2).maxInterval(Duration.ofSeconds(5)).build();
    try (KirinClient polling = Fixtures.client(stub, time).pollingPolicy(steady).build()) {
      path.call(() -> polling.awaitCompletion(ID, Duration.ofMinutes(1)),
          () -> polling.awaitCompletionAsync(ID, Duration.ofMinutes(1)));
    }

    assertThat(time.sleeps()).containsExactly(
        Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5));
  }
}

package io.kirincontract.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kirincontract.client.errors.KirinConnectionException;
import io.kirincontract.client.errors.KirinRateLimitException;
import io.kirincontract.client.errors.KirinServerException;
import io.kirincontract.client.errors.KirinTimeoutException;
import io.kirincontract.client.errors.KirinValidationException;
import io.kirincontract.client.model.Task;
import io.kirincontract.client.model.TaskStatus;
import io.kirincontract.client.model.VideoGenerationRequest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Retries with backoff on connection errors, 429 and 5xx, following Retry-After, bounded, and for {@code
 * create} only where it cannot make a second task. Each case runs sync and async; the waits are read from the
 * manual sleeper (jitter off), nothing sleeps.
 */
class RetryTest {

  private static final String QUEUED = Fixtures.task("TaskQueued");
  private static final String UNAVAILABLE = Fixtures.error("ErrorServiceUnavailable");
  private static final String BUSY = Fixtures.error("ErrorTaskResourceInsufficient");

  private final ManualTime time = new ManualTime();
  private final StubServer stub = StubServer.start();
  private final KirinClient client = Fixtures.client(stub, time).build();

  @AfterEach
  void stop() {
    client.close();
    stub.close();
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void a503IsRetriedAfterTheBackoffAndThenSucceeds(CallPath path) {
    stub.respond(503, UNAVAILABLE).respond(503, UNAVAILABLE).respond(200, QUEUED);

    Task task = path.call(() -> client.get("t1"), () -> client.getAsync("t1"));

    assertThat(task.getId()).isNotNull();
    assertThat(stub.requests()).hasSize(3);
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void a429OnCreateIsRetriedAfterExactlyTheRetryAfterSeconds(CallPath path) {
    stub.respond(429, BUSY, "Retry-After", "7").respond(429, BUSY, "Retry-After", "3").respond(200, QUEUED);

    path.call(() -> client.create(request()), () -> client.createAsync(request()));

    assertThat(stub.requests()).hasSize(3).allSatisfy(r -> assertThat(r.method()).isEqualTo("POST"));
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(3));
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void aRetryAfterGivenAsAnHttpDateIsMeasuredOnTheClock(CallPath path) {
    String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ManualTime.START.plusSeconds(5).atOffset(ZoneOffset.UTC));
    stub.respond(503, UNAVAILABLE, "Retry-After", inFiveSeconds).respond(200, QUEUED);

    path.call(() -> client.get("t1"), () -> client.getAsync("t1"));

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5));
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void aRetryAfterLongerThanThePolicyAcceptsEndsTheRetriesAndIsReported(CallPath path) {
    stub.respond(429, BUSY, "Retry-After", "600");

    KirinRateLimitException error = catchThrowableOfType(KirinRateLimitException.class,
        () -> path.call(() -> client.create(request()), () -> client.createAsync(request())));

    assertThat(error.retryAfter()).contains(Duration.ofMinutes(10));
    assertThat(stub.requests()).hasSize(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void aRefusedConnectionIsRetriedUntilTheServerIsUp(CallPath path) {
    int port = StubServer.closedPort();
    AtomicReference<StubServer> late = new AtomicReference<>();
    time.onSleep(slept -> late.compareAndSet(null, StubServer.startOn(port).respond(200, QUEUED)));
    try (KirinClient refused = Fixtures.client("http://127.0.0.1:" + port, time).build()) {

      Task task = path.call(() -> refused.create(request()), () -> refused.createAsync(request()));

      assertThat(task.getId()).isNotNull();
      assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500));
      assertThat(late.get().requests()).hasSize(1);
    } finally {
      if (late.get() != null) {
        late.get().close();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void aConnectionThatStaysRefusedEndsAsAConnectionExceptionAfterTheLastAttempt(CallPath path) {
    try (KirinClient refused = Fixtures.client("http://127.0.0.1:" + StubServer.closedPort(), time).build()) {

      KirinConnectionException error = catchThrowableOfType(KirinConnectionException.class,
          () -> path.call(() -> refused.get("t1"), () -> refused.getAsync("t1")));

      assertThat(error.mayHaveReachedServer()).isFalse();
      assertThat(error.getSuppressed()).hasSize(3);
    }
    assertThat(time.sleeps())
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void attemptsAreBoundedAndTheLastFailureIsThrownWithTheEarlierOnesSuppressed(CallPath path) {
    for (int i = 0; i < 5; i++) {
      stub.respond(503, UNAVAILABLE);
    }

    KirinServerException error = catchThrowableOfType(KirinServerException.class,
        () -> path.call(() -> client.get("t1"), () -> client.getAsync("t1")));

    assertThat(error.statusCode()).isEqualTo(503);
    assertThat(error.getSuppressed()).hasSize(3).allMatch(KirinServerException.class::isInstance);
    assertThat(stub.requests()).hasSize(4);
    assertThat(time.sleeps())
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void a400IsNeverRetried(CallPath path) {
    stub.respond(400, Fixtures.error("ErrorRuleBroken"));

    catchThrowableOfType(KirinValidationException.class,
        () -> path.call(() -> client.create(request()), () -> client.createAsync(request())));

    assertThat(stub.requests()).hasSize(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void a500OnCreateWithoutAnExternalIdIsNotRetriedBecauseTheTaskMayExist(CallPath path) {
    stub.respond(500, Fixtures.error("ErrorInternal")).respond(200, QUEUED);
    try (KirinClient withoutIds = Fixtures.client(stub, time).automaticExternalTaskIds(false).build()) {

      catchThrowableOfType(KirinServerException.class,
          () -> path.call(() -> withoutIds.create(request()), () -> withoutIds.createAsync(request())));
    }

    assertThat(stub.requests()).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void aCreateWithoutAnExternalIdIsSentWithOneOfTheClientsMakingAndTheSameOneOnTheRetry(CallPath path) {
    stub.respond(500, Fixtures.error("ErrorInternal")).respond(200, QUEUED);

    path.call(() -> client.create(request()), () -> client.createAsync(request()));

    assertThat(stub.requests()).hasSize(2);
    String first = Fixtures.json(stub.requests().get(0).body()).path("external_task_id").asText();
    assertThat(first).startsWith("kirin-client-").hasSize("kirin-client-".length() + 36);
    assertThat(Fixtures.json(stub.requests().get(1).body()).path("external_task_id").asText()).isEqualTo(first);
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void aCreateWhoseAnswerWasLostIsRetriedAndTheConflictResolvedToTheTaskItMade(CallPath path) {
    stub.lose().respond(409, Fixtures.error("ErrorExternalTaskIdConflict")).respond(200, QUEUED);

    Task task = path.call(() -> client.create(request()), () -> client.createAsync(request()));

    assertThat(task.getStatus()).isEqualTo(TaskStatus.QUEUED);
    List<StubServer.Recorded> sent = stub.requests();
    assertThat(sent).extracting(StubServer.Recorded::method).containsExactly("POST", "POST", "GET");
    String externalId = Fixtures.json(sent.get(0).body()).path("external_task_id").asText();
    assertThat(Fixtures.json(sent.get(1).body()).path("external_task_id").asText()).isEqualTo(externalId);
    assertThat(sent.get(2).path()).isEqualTo("/v1/videos/generations/external/" + externalId);
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void aCreateWhoseAnswerWasLostWithoutAnExternalIdIsNotRetried(CallPath path) {
    stub.lose().respond(200, QUEUED);
    try (KirinClient withoutIds = Fixtures.client(stub, time).automaticExternalTaskIds(false).build()) {

      catchThrowableOfType(KirinConnectionException.class,
          () -> path.call(() -> withoutIds.create(request()), () -> withoutIds.createAsync(request())));
    }

    assertThat(stub.requests()).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void a500OnGetIsRetried(CallPath path) {
    stub.respond(500, Fixtures.error("ErrorInternal")).respond(200, QUEUED);

    path.call(() -> client.get("t1"), () -> client.getAsync("t1"));

    assertThat(stub.requests()).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void aCreateWithAnExternalIdIsRetriedAfterA500AndAConflictOnTheRetryReturnsTheTaskTheFirstAttemptMade(
      CallPath path) {
    stub.respond(500, Fixtures.error("ErrorInternal"))
        .respond(409, Fixtures.error("ErrorExternalTaskIdConflict"))
        .respond(200, QUEUED);
    VideoGenerationRequest request = KirinRequests.v3TextToVideo().prompt("A fox")
        .externalTaskId("order-4711-clip-1").build();

    Task task = path.call(() -> client.create(request), () -> client.createAsync(request));

    assertThat(task.getExternalTaskId()).isEqualTo("order-4711-clip-1");
    assertThat(stub.requests()).extracting(StubServer.Recorded::method)
        .containsExactly("POST", "POST", "GET");
    assertThat(stub.lastRequest().path()).isEqualTo("/v1/videos/generations/external/order-4711-clip-1");
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void aConflictOnTheFirstAttemptIsTheCallersMistakeAndIsThrown(CallPath path) {
    stub.respond(409, Fixtures.error("ErrorExternalTaskIdConflict"));
    VideoGenerationRequest request = KirinRequests.v3TextToVideo().prompt("A fox")
        .externalTaskId("order-4711-clip-1").build();

    catchThrowableOfType(io.kirincontract.client.errors.KirinConflictException.class,
        () -> path.call(() -> client.create(request), () -> client.createAsync(request)));

    assertThat(stub.requests()).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void aCreateThatTimesOutWithoutAnExternalIdIsNotRetried(CallPath path) {
    stub.stall().respond(200, QUEUED);
    try (KirinClient impatient = Fixtures.client(stub, time).requestTimeout(Duration.ofMillis(200))
        .automaticExternalTaskIds(false).build()) {

      KirinTimeoutException error = catchThrowableOfType(KirinTimeoutException.class,
          () -> path.call(() -> impatient.create(request()), () -> impatient.createAsync(request())));

      assertThat(error.lastTask()).isEmpty();
      assertThat(error.timeout()).isEqualTo(Duration.ofMillis(200));
    }
    assertThat(stub.requests()).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void aCreateThatTimesOutWithAnExternalIdIsRetriedAndTheConflictResolvedToTheExistingTask(CallPath path) {
    stub.stall()
        .respond(409, Fixtures.error("ErrorExternalTaskIdConflict"))
        .respond(200, QUEUED);
    VideoGenerationRequest request = KirinRequests.v3TextToVideo().prompt("A fox")
        .externalTaskId("order-4711-clip-1").build();
    // long enough that only the stalled first attempt times out, even on a busy machine
    try (KirinClient impatient = Fixtures.client(stub, time).requestTimeout(Duration.ofMillis(500)).build()) {

      Task task = path.call(() -> impatient.create(request), () -> impatient.createAsync(request));

      assertThat(task.getExternalTaskId()).isEqualTo("order-4711-clip-1");
    }
    assertThat(stub.requests()).extracting(StubServer.Recorded::method)
        .containsExactly("POST", "POST", "GET");
  }

  @ParameterizedTest
  @EnumSource(CallPath.class)
  void noRetryPolicyMeansOneAttempt(CallPath path) {
    stub.respond(503, UNAVAILABLE).respond(200, QUEUED);
    try (KirinClient once = Fixtures.client(stub, time).retryPolicy(RetryPolicy.none()).build()) {
      catchThrowableOfType(KirinServerException.class,
          () -> path.call(() -> once.get("t1"), () -> once.getAsync("t1")));
    }
    assertThat(stub.requests()).hasSize(1);
    assertThat(time.sleeps()).isEqualTo(List.of());
  }

  private static VideoGenerationRequest request() {
    return KirinRequests.v3TextToVideo().prompt("A fox").build();
  }
}

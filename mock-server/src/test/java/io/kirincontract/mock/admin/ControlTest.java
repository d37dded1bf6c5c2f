package io.kirincontract.mock.admin;

import static io.kirincontract.mock.support.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.control.ControlConflictException;
import io.kirincontract.mock.control.InvalidControlException;
import io.kirincontract.mock.control.ScenarioHeader;
import io.kirincontract.mock.control.ScenarioRule;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.Media;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.mock.tasks.NoSuchTaskException;
import io.kirincontract.mock.tasks.TaskStateException;
import io.kirincontract.mock.tasks.TaskStatus;
import io.kirincontract.mock.util.internal.KeyId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every control operation through both implementations of {@link KirinAdmin}: the embedded {@code server.admin()} and
 * {@link HttpAdminClient} over {@code /__admin/}. Each test runs once with each and expects the same answers.
 */
class ControlTest {

  private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
  private static KirinMockServer server;
  private static MockApi alice;
  private static MockApi bob;

  @BeforeAll
  static void start() {
    server = KirinMockServer.start(config -> config.port(0).manualClock(START));
    alice = new MockApi(server.baseUrl(), "alice");
    bob = alice.withKey("bob");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private Instant t0;

  @BeforeEach
  void reset() {
    server.admin().reset();
    t0 = server.clock().instant();
  }

  static Stream<Arguments> controls() {
    return Stream.of(
        Arguments.of("HTTP admin client", HttpAdminClient.of(server.baseUrl())),
        Arguments.of("embedded admin", server.admin()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void tasksOfEveryKeyAreListedOldestFirstAndFilteredByKeyAndStatus(String door, KirinAdmin control) {
    String first = create(alice, Bodies.v3t2v());
    control.advanceClock(Duration.parse("PT1S"));
    String second = create(bob, with(Bodies.v2t2v(), b -> b.put("callback_url", "http://127.0.0.1:9/hook")));
    control.advanceClock(Duration.parse("PT0.001S"));
    String third = create(alice, Bodies.o1());

    assertThat(ids(control.tasks())).containsExactly(first, second, third);
    assertThat(ids(control.tasks(TaskQuery.all().withKey("alice")))).containsExactly(first, third);
    assertThat(ids(control.tasks(TaskQuery.all().withStatus(TaskStatus.PROCESSING)))).containsExactly(first);
    assertThat(ids(control.tasks(TaskQuery.all().withStatus(TaskStatus.QUEUED)))).containsExactly(second, third);

    AdminTask view = control.task(second).orElseThrow();
    assertThat(view.keyId()).isEqualTo(KeyId.of("bob"));
    assertThat(view.task().status()).isEqualTo(TaskStatus.QUEUED);
    assertThat(view.task().model()).isEqualTo("kirin_v2_master_t2v");
    assertThat(view.callbackUrl()).isEqualTo("http://127.0.0.1:9/hook");
    assertThat(view.heldIn()).isNull();
    assertThat(view.nextChangeAt()).isEqualTo(t0.plusSeconds(2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void aDeletedTaskAnswers404AndNoLongerCountsAgainstItsKeysLimit(String door, KirinAdmin control) {
    control.maxRunningTasks(1);
    String id = create(alice, with(Bodies.v3t2v(), b -> b.put("external_task_id", "gone")));
    alice.create(Bodies.v3t2v()).assertError(429, "006001094", null, null);
    assertThat(control.deleteTask(id)).isTrue();
    alice.get("/v1/videos/generations/" + id).assertError(404, "task_not_found", null, null);
    alice.get("/v1/videos/generations/external/gone").assertError(404, "task_not_found", null, null);
    create(alice, with(Bodies.v3t2v(), b -> b.put("external_task_id", "gone")));
    assertThat(control.deleteTask(id)).as("already deleted").isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void aGivenTaskFailsWithTheGivenCodeAtTheGivenStage(String door, KirinAdmin control) {
    String atQueued = create(alice, Bodies.o1());
    String atProcessing = create(alice, Bodies.o1());
    String byDefault = create(alice, Bodies.v21i2v(Media.png(300, 300)));
    control.failTask(atQueued, "002015098", TaskStatus.QUEUED);
    control.failTask(atProcessing, "002015096", TaskStatus.PROCESSING);
    control.failTask(byDefault, null, null);
    control.advanceClock(Duration.parse("PT1S"));
    assertThat(task(atQueued).path("status").asText()).isEqualTo("failed");
    assertThat(task(atQueued).path("error").path("code").asText()).isEqualTo("002015098");
    assertThat(task(atProcessing).path("status").asText()).isEqualTo("processing");
    control.advanceClock(Duration.parse("PT1H"));
    assertThat(task(atProcessing).path("error").path("code").asText()).isEqualTo("002015096");
    assertThat(task(byDefault).path("error").path("code").asText()).isEqualTo("8002009098");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void failingIsRefusedForAnotherModelsCodeOrAStageTheTaskHasLeft(String door, KirinAdmin control) {
    String id = create(alice, Bodies.v3t2v());
    assertRefused(() -> control.failTask(id, "002015095", TaskStatus.PROCESSING), InvalidControlException.class);
    control.advanceClock(Duration.parse("PT1S"));
    assertRefused(() -> control.failTask(id, "006001095", TaskStatus.QUEUED), TaskStateException.class);
    control.advanceClock(Duration.parse("PT1H"));
    assertRefused(() -> control.failTask(id, "006001095", TaskStatus.PROCESSING), TaskStateException.class);
    assertRefused(
        () -> control.failTask("task_00000000000000000000000000", null, TaskStatus.PROCESSING),
        NoSuchTaskException.class);
    assertThat(task(id).path("status").asText()).isEqualTo("completed");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void aHeldTaskWaitsForItsRelease(String door, KirinAdmin control) {
    String id = create(alice, Bodies.v3t2v());
    control.holdTask(id, TaskStatus.PROCESSING);
    control.advanceClock(Duration.parse("PT1H"));
    AdminTask held = control.task(id).orElseThrow();
    assertThat(held.task().status()).isEqualTo(TaskStatus.PROCESSING);
    assertThat(held.heldIn()).isEqualTo(TaskStatus.PROCESSING);
    assertThat(held.nextChangeAt()).isNull();
    control.releaseTask(id);
    assertThat(control.task(id).orElseThrow().task().status()).isEqualTo(TaskStatus.COMPLETED);
    assertRefused(() -> control.releaseTask(id), TaskStateException.class);

    String queued = create(alice, Bodies.v3t2v());
    control.holdTask(queued, TaskStatus.QUEUED);
    control.advanceClock(Duration.parse("PT1H"));
    assertThat(control.task(queued).orElseThrow().task().status()).isEqualTo(TaskStatus.QUEUED);
    assertRefused(() -> control.releaseTask(create(alice, Bodies.v3t2v())), TaskStateException.class);
    control.releaseTask(queued);
    assertThat(control.task(queued).orElseThrow().task().status()).isEqualTo(TaskStatus.PROCESSING);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void aGivenTaskTakesTheGivenTime(String door, KirinAdmin control) {
    String id = create(alice, Bodies.v3t2v());
    control.setTaskDuration(id, Duration.parse("PT30S"));
    control.advanceClock(Duration.parse("PT5.999S"));
    assertThat(control.task(id).orElseThrow().task().status()).isEqualTo(TaskStatus.QUEUED);
    control.advanceClock(Duration.parse("PT0.001S"));
    assertThat(control.task(id).orElseThrow().task().status()).isEqualTo(TaskStatus.PROCESSING);
    assertThat(control.task(id).orElseThrow().nextChangeAt()).isEqualTo(t0.plusSeconds(30));
    control.setTaskDuration(id, Duration.parse("PT5S"));
    assertThat(control.task(id).orElseThrow().task().status())
        .as("a time already past ends it now")
        .isEqualTo(TaskStatus.COMPLETED);
    assertRefused(() -> control.setTaskDuration(id, Duration.parse("PT1M")), TaskStateException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void aRuleSteersTheNextNTasksOfItsModelAndKeyThenGoes(String door, KirinAdmin control) {
    control.addScenario(rule("kirin_video_o1", null, 2, "fail=002015099@queued"));
    control.addScenario(rule(null, "bob", 1, "hold=queued"));
    assertThat(rules(control)).containsExactly("fail=002015099@queued x2", "hold=queued x1");

    String v3 = create(alice, Bodies.v3t2v());
    String o1First = create(bob, Bodies.o1());
    String o1Second = create(alice, Bodies.o1());
    String o1Third = create(alice, Bodies.o1());
    String bobsV3 = create(bob, Bodies.v3t2v());
    String bobsNext = create(bob, Bodies.v3t2v());
    assertThat(rules(control)).isEmpty();

    control.advanceClock(Duration.parse("PT1H"));
    assertThat(task(v3).path("status").asText()).isEqualTo("completed");
    assertThat(task(o1First, bob).path("error").path("code").asText()).isEqualTo("002015099");
    assertThat(task(o1Second).path("error").path("code").asText()).isEqualTo("002015099");
    assertThat(task(o1Third).path("status").asText()).isEqualTo("completed");
    assertThat(task(bobsV3, bob).path("status").asText()).isEqualTo("queued");
    assertThat(task(bobsNext, bob).path("status").asText()).isEqualTo("completed");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void aRuleWithoutAModelAppliesOnlyToTheModelsThatHaveItsCode(String door, KirinAdmin control) {
    control.addScenario(rule(null, null, 5, "fail=006001099"));
    String o1 = create(alice, Bodies.o1());
    String v3 = create(alice, Bodies.v3t2v());
    control.advanceClock(Duration.parse("PT1H"));
    assertThat(task(o1).path("status").asText()).isEqualTo("completed");
    assertThat(task(v3).path("error").path("code").asText()).isEqualTo("006001099");
    assertThat(rules(control)).containsExactly("fail=006001099@processing x4");
    control.clearScenarios();
    assertThat(rules(control)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void theScenarioHeaderWinsOverARuleWhichIsThenNotUsed(String door, KirinAdmin control) {
    control.addScenario(rule(null, null, 1, "hold=queued"));
    String id = alice.create(Bodies.v3t2v(), "duration=PT2S").assertQueued().path("id").asText();
    control.advanceClock(Duration.parse("PT2S"));
    assertThat(task(id).path("status").asText()).isEqualTo("completed");
    assertThat(rules(control)).containsExactly("hold=queued x1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void badRulesAreRefused(String door, KirinAdmin control) {
    assertRefused(
        () -> control.addScenario(rule("kirin_v3_t2v", null, 1, "fail=002015095")), InvalidControlException.class);
    assertRefused(() -> control.addScenario(rule(null, null, 1, "fail=123")), InvalidControlException.class);
    assertRefused(() -> control.addScenario(rule("kirin_v9", null, 1, "hold=queued")), InvalidControlException.class);
    assertRefused(() -> control.addScenario(rule(null, null, 0, "hold=queued")), InvalidControlException.class);
    assertRefused(() -> control.addScenario(rule(null, null, 1, "hold=forever")), InvalidControlException.class);
    assertThat(rules(control)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void theLimitOfUnfinishedTasksCanBeChangedAndResetRestoresIt(String door, KirinAdmin control) {
    control.maxRunningTasks(2);
    create(alice, Bodies.v3t2v());
    create(alice, Bodies.v3t2v());
    alice.create(Bodies.v3t2v()).assertError(429, "006001094", null, null);
    control.maxRunningTasks(0);
    create(alice, Bodies.v3t2v());
    assertRefused(() -> control.maxRunningTasks(-1), InvalidControlException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void advancingTheClockMovesEveryTaskOn(String door, KirinAdmin control) {
    String id = create(alice, Bodies.v3t2v());
    control.advanceClock(Duration.parse("PT4.5S"));
    assertThat(task(id).path("status").asText()).isEqualTo("completed");
    assertThat(server.clock().instant()).isEqualTo(t0.plusMillis(4_500));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void resetForgetsTasksRulesAndLimitsButKeepsTheTime(String door, KirinAdmin control) {
    String id = create(alice, Bodies.v3t2v());
    control.addScenario(rule(null, null, 1, "hold=queued"));
    control.maxRunningTasks(1);
    Instant before = server.clock().instant();
    control.reset();
    alice.get("/v1/videos/generations/" + id).assertError(404, "task_not_found", null, null);
    assertThat(control.tasks()).isEmpty();
    assertThat(rules(control)).isEmpty();
    assertThat(server.admin().maxRunningTasks()).isZero();
    assertThat(server.clock().instant()).isEqualTo(before);
    assertThat(server.admin().pendingTransitions()).isZero();
  }

  private static String create(MockApi api, ObjectNode body) {
    return api.create(body).assertQueued().path("id").asText();
  }

  private static JsonNode task(String id) {
    return alice.task(id);
  }

  private static JsonNode task(String id, MockApi api) {
    return api.task(id);
  }

  private static List<String> ids(List<AdminTask> tasks) {
    return tasks.stream().map(task -> task.task().id()).toList();
  }

  /** A rule as {@code POST /__admin/scenarios} takes it: the scenario in the header's syntax. */
  private static ScenarioRule rule(String model, String key, int count, String scenario) {
    return new ScenarioRule(model, key, count, ScenarioHeader.parse(scenario, "scenario"));
  }

  /** The rules left, as {@code scenario xremaining}. */
  private static List<String> rules(KirinAdmin control) {
    return control.scenarios().stream().map(rule -> rule.scenario() + " x" + rule.remaining()).toList();
  }

  private static void assertRefused(Runnable operation, Class<? extends RuntimeException> refusal) {
    assertThatThrownBy(operation::run).isInstanceOf(refusal);
  }
}

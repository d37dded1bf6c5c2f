package io.kirincontract.mock.admin;

import static io.kirincontract.mock.support.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.Media;
import io.kirincontract.mock.support.MockApi;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every control operation, through the HTTP admin API and through its Java twin. */
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

  static Stream<Control> controls() {
    return Stream.of(Control.http(server), Control.java(server));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void tasksOfEveryKeyAreListedOldestFirstAndFilteredByKeyAndStatus(Control control) {
    String first = create(alice, Bodies.v3t2v());
    control.advance("PT1S");
    String second = create(bob, with(Bodies.v2t2v(), b -> b.put("callback_url", "http://127.0.0.1:9/hook")));
    control.advance("PT0.001S");
    String third = create(alice, Bodies.o1());

    assertThat(control.tasks(null, null)).extracting(Control.View::id).containsExactly(first, second, third);
    assertThat(control.tasks("alice", null)).extracting(Control.View::id).containsExactly(first, third);
    assertThat(control.tasks(null, "processing")).extracting(Control.View::id).containsExactly(first);
    assertThat(control.tasks(null, "queued")).extracting(Control.View::id).containsExactly(second, third);

    Control.View view = control.task(second);
    assertThat(view.keyId()).isEqualTo(io.kirincontract.mock.util.KeyId.of("bob"));
    assertThat(view.status()).isEqualTo("queued");
    assertThat(view.callbackUrl()).isEqualTo("http://127.0.0.1:9/hook");
    assertThat(view.heldIn()).isNull();
    assertThat(view.nextChangeAt()).isEqualTo(t0.plusSeconds(2).toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void aDeletedTaskAnswers404AndNoLongerCountsAgainstItsKeysLimit(Control control) {
    control.maxRunningTasks(1);
    String id = create(alice, with(Bodies.v3t2v(), b -> b.put("external_task_id", "gone")));
    alice.create(Bodies.v3t2v()).assertError(429, "006001094", null, null);
    control.delete(id);
    alice.get("/v1/videos/generations/" + id).assertError(404, "task_not_found", null, null);
    alice.get("/v1/videos/generations/external/gone").assertError(404, "task_not_found", null, null);
    create(alice, with(Bodies.v3t2v(), b -> b.put("external_task_id", "gone")));
    assertThatThrownBy(() -> control.delete(id)).isInstanceOfSatisfying(Control.Refused.class, r -> {
      assertThat(r.status).isEqualTo(404);
      assertThat(r.code).isEqualTo("task_not_found");
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void aGivenTaskFailsWithTheGivenCodeAtTheGivenStage(Control control) {
    String atQueued = create(alice, Bodies.o1());
    String atProcessing = create(alice, Bodies.o1());
    String byDefault = create(alice, Bodies.v21i2v(Media.png(300, 300)));
    control.fail(atQueued, "002015098", "queued");
    control.fail(atProcessing, "002015096", "processing");
    control.fail(byDefault, null, null);
    control.advance("PT1S");
    assertThat(task(atQueued).path("status").asText()).isEqualTo("failed");
    assertThat(task(atQueued).path("error").path("code").asText()).isEqualTo("002015098");
    assertThat(task(atProcessing).path("status").asText()).isEqualTo("processing");
    control.advance("PT1H");
    assertThat(task(atProcessing).path("error").path("code").asText()).isEqualTo("002015096");
    assertThat(task(byDefault).path("error").path("code").asText()).isEqualTo("8002009098");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void failingIsRefusedForAnotherModelsCodeOrAStageTheTaskHasLeft(Control control) {
    String id = create(alice, Bodies.v3t2v());
    assertRefused(() -> control.fail(id, "002015095", "processing"), 400, "invalid_parameter");
    control.advance("PT1S");
    assertRefused(() -> control.fail(id, "006001095", "queued"), 409, "task_state_conflict");
    control.advance("PT1H");
    assertRefused(() -> control.fail(id, "006001095", "processing"), 409, "task_state_conflict");
    assertRefused(() -> control.fail("task_00000000000000000000000000", null, null), 404, "task_not_found");
    assertThat(task(id).path("status").asText()).isEqualTo("completed");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void aHeldTaskWaitsForItsRelease(Control control) {
    String id = create(alice, Bodies.v3t2v());
    control.hold(id, "processing");
    control.advance("PT1H");
    Control.View held = control.task(id);
    assertThat(held.status()).isEqualTo("processing");
    assertThat(held.heldIn()).isEqualTo("processing");
    assertThat(held.nextChangeAt()).isNull();
    control.release(id);
    assertThat(control.task(id).status()).isEqualTo("completed");
    assertRefused(() -> control.release(id), 409, "task_state_conflict");

    String queued = create(alice, Bodies.v3t2v());
    control.hold(queued, "queued");
    control.advance("PT1H");
    assertThat(control.task(queued).status()).isEqualTo("queued");
    assertRefused(() -> control.release(create(alice, Bodies.v3t2v())), 409, "task_state_conflict");
    control.release(queued);
    assertThat(control.task(queued).status()).isEqualTo("processing");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void aGivenTaskTakesTheGivenTime(Control control) {
    String id = create(alice, Bodies.v3t2v());
    control.duration(id, "PT30S");
    control.advance("PT5.999S");
    assertThat(control.task(id).status()).isEqualTo("queued");
    control.advance("PT0.001S");
    assertThat(control.task(id).status()).isEqualTo("processing");
    assertThat(control.task(id).nextChangeAt()).isEqualTo(t0.plusSeconds(30).toString());
    control.duration(id, "PT5S");
    assertThat(control.task(id).status()).as("a time already past ends it now").isEqualTo("completed");
    assertRefused(() -> control.duration(id, "PT1M"), 409, "task_state_conflict");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void aRuleSteersTheNextNTasksOfItsModelAndKeyThenGoes(Control control) {
    control.addRule("kirin_video_o1", null, 2, "fail=002015099@queued");
    control.addRule(null, "bob", 1, "hold=queued");
    assertThat(control.rules()).containsExactly("fail=002015099@queued x2", "hold=queued x1");

    String v3 = create(alice, Bodies.v3t2v());
    String o1First = create(bob, Bodies.o1());
    String o1Second = create(alice, Bodies.o1());
    String o1Third = create(alice, Bodies.o1());
    String bobsV3 = create(bob, Bodies.v3t2v());
    String bobsNext = create(bob, Bodies.v3t2v());
    assertThat(control.rules()).isEmpty();

    control.advance("PT1H");
    assertThat(task(v3).path("status").asText()).isEqualTo("completed");
    assertThat(task(o1First, bob).path("error").path("code").asText()).isEqualTo("002015099");
    assertThat(task(o1Second).path("error").path("code").asText()).isEqualTo("002015099");
    assertThat(task(o1Third).path("status").asText()).isEqualTo("completed");
    assertThat(task(bobsV3, bob).path("status").asText()).isEqualTo("queued");
    assertThat(task(bobsNext, bob).path("status").asText()).isEqualTo("completed");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void aRuleWithoutAModelAppliesOnlyToTheModelsThatHaveItsCode(Control control) {
    control.addRule(null, null, 5, "fail=006001099");
    String o1 = create(alice, Bodies.o1());
    String v3 = create(alice, Bodies.v3t2v());
    control.advance("PT1H");
    assertThat(task(o1).path("status").asText()).isEqualTo("completed");
    assertThat(task(v3).path("error").path("code").asText()).isEqualTo("006001099");
    assertThat(control.rules()).containsExactly("fail=006001099@processing x4");
    control.clearRules();
    assertThat(control.rules()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void theScenarioHeaderWinsOverARuleWhichIsThenNotUsed(Control control) {
    control.addRule(null, null, 1, "hold=queued");
    String id = alice.create(Bodies.v3t2v(), "duration=PT2S").assertQueued().path("id").asText();
    control.advance("PT2S");
    assertThat(task(id).path("status").asText()).isEqualTo("completed");
    assertThat(control.rules()).containsExactly("hold=queued x1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void badRulesAreRefused(Control control) {
    assertRefused(() -> control.addRule("kirin_v3_t2v", null, 1, "fail=002015095"), 400, "invalid_parameter");
    assertRefused(() -> control.addRule(null, null, 1, "fail=123"), 400, "invalid_parameter");
    assertRefused(() -> control.addRule("kirin_v9", null, 1, "hold=queued"), 400, "invalid_parameter");
    assertRefused(() -> control.addRule(null, null, 0, "hold=queued"), 400, "invalid_parameter");
    assertRefused(() -> control.addRule(null, null, 1, "hold=forever"), 400, "invalid_parameter");
    assertThat(control.rules()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void theLimitOfUnfinishedTasksCanBeChangedAndResetRestoresIt(Control control) {
    control.maxRunningTasks(2);
    create(alice, Bodies.v3t2v());
    create(alice, Bodies.v3t2v());
    alice.create(Bodies.v3t2v()).assertError(429, "006001094", null, null);
    control.maxRunningTasks(0);
    create(alice, Bodies.v3t2v());
    assertRefused(() -> control.maxRunningTasks(-1), 400, "invalid_parameter");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void advancingTheClockMovesEveryTaskOn(Control control) {
    String id = create(alice, Bodies.v3t2v());
    control.advance("PT4.5S");
    assertThat(task(id).path("status").asText()).isEqualTo("completed");
    assertThat(server.clock().instant()).isEqualTo(t0.plusMillis(4_500));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("controls")
  void resetForgetsTasksRulesAndLimitsButKeepsTheTime(Control control) {
    String id = create(alice, Bodies.v3t2v());
    control.addRule(null, null, 1, "hold=queued");
    control.maxRunningTasks(1);
    Instant before = server.clock().instant();
    control.reset();
    alice.get("/v1/videos/generations/" + id).assertError(404, "task_not_found", null, null);
    assertThat(control.tasks(null, null)).isEmpty();
    assertThat(control.rules()).isEmpty();
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

  private static void assertRefused(Runnable operation, int status, String code) {
    assertThatThrownBy(operation::run)
        .isInstanceOfSatisfying(
            Control.Refused.class,
            refused -> {
              assertThat(refused.status).as(refused.getMessage()).isEqualTo(status);
              assertThat(refused.code).as(refused.getMessage()).isEqualTo(code);
            });
  }
}

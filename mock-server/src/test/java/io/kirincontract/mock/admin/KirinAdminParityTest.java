package io.kirincontract.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.admin.internal.Redaction;
import io.kirincontract.mock.control.FaultSettings;
import io.kirincontract.mock.control.ScenarioHeader;
import io.kirincontract.mock.control.ScenarioRule;
import io.kirincontract.mock.journal.RecordedRequest;
import io.kirincontract.mock.journal.RequestPattern;
import io.kirincontract.mock.journal.VerificationError;
import io.kirincontract.mock.journal.internal.JournalJson;
import io.kirincontract.mock.stubs.Stub;
import io.kirincontract.mock.stubs.StubAnswer;
import io.kirincontract.mock.stubs.StubFault;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.CallbackSink;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.mock.tasks.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two implementations of {@link KirinAdmin} read the same mock and give the same answers: {@code server.admin()}
 * in-process and {@link HttpAdminClient} through {@code /__admin/} of a mock that needs an admin token.
 */
class KirinAdminParityTest {

  private static final String TOKEN = "admin-secret";
  private static KirinMockServer server;
  private static CallbackSink receiver;
  private static MockApi alice;
  private static MockApi bob;

  private final KirinAdmin embedded = server.admin();
  private final KirinAdmin overHttp = HttpAdminClient.of(server.baseUrl(), TOKEN);

  @BeforeAll
  static void start() {
    receiver = CallbackSink.accepting();
    server =
        KirinMockServer.start(
            config -> config.host("127.0.0.1").port(0).manualClock(Instant.parse("2026-11-22T10:00:00Z"))
                .adminToken(TOKEN));
    alice = new MockApi(server.baseUrl(), "alice");
    bob = alice.withKey("bob");
  }

  @AfterAll
  static void stop() {
    server.close();
    receiver.close();
  }

  @BeforeEach
  void reset() {
    server.admin().reset();
  }

  @Test
  void tasksRulesLimitsFaultsClockAndCallbacksReadTheSameBothWays() {
    String withCallback =
        alice.create(Bodies.with(Bodies.v3t2v(), b -> b.put("callback_url", receiver.url() + "?token=abc")))
            .assertQueued().path("id").asText();
    String held = bob.create(Bodies.o1()).assertQueued().path("id").asText();
    overHttp.holdTask(held, TaskStatus.PROCESSING);
    AdminScenario rule =
        overHttp.addScenario(
            new ScenarioRule("kirin_video_o1", "bob", 2, ScenarioHeader.parse("fail=002015099@queued", "s")));
    overHttp.maxRunningTasks(7);
    overHttp.faults(new FaultSettings(Duration.ofMillis(5), 0.5, 0.0, 503, 42));
    assertThat(overHttp.faults())
        .isEqualTo(embedded.faults())
        .isEqualTo(new FaultSettings(Duration.ofMillis(5), 0.5, 0.0, 503, 42));
    overHttp.clearFaults();
    Instant now = overHttp.advanceClock(Duration.ofMinutes(5));
    assertThat(server.admin().awaitCallbacks(Duration.ofSeconds(30))).isTrue();

    assertThat(overHttp.tasks()).isEqualTo(embedded.tasks()).hasSize(2);
    assertThat(overHttp.tasks(TaskQuery.all().withKey("bob"))).isEqualTo(embedded.tasks(TaskQuery.all().withKey("bob")))
        .extracting(task -> task.task().id()).containsExactly(held);
    AdminTask completed = overHttp.task(withCallback).orElseThrow();
    assertThat(completed).isEqualTo(embedded.task(withCallback).orElseThrow());
    assertThat(completed.task().status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(completed.task().output().content()).isNotEmpty();
    assertThat(completed.callbackUrl()).endsWith("?token=" + Redaction.HIDDEN);
    assertThat(overHttp.task(held).orElseThrow().heldIn()).isEqualTo(TaskStatus.PROCESSING);
    assertThat(overHttp.task("task_00000000000000000000000000")).isEmpty();
    assertThat(overHttp.scenarios()).isEqualTo(embedded.scenarios()).containsExactly(rule);
    assertThat(rule.keyId()).isEqualTo(Redaction.keyId("bob"));
    assertThat(overHttp.maxRunningTasks()).isEqualTo(embedded.maxRunningTasks()).isEqualTo(7);
    assertThat(overHttp.faults()).isEqualTo(embedded.faults()).isEqualTo(FaultSettings.NONE);
    assertThat(overHttp.now()).isEqualTo(embedded.now()).isEqualTo(now);
    assertThat(overHttp.callbacks(null)).isEqualTo(embedded.callbacks(null)).isNotEmpty();
    assertThat(overHttp.callbacks(withCallback)).isEqualTo(embedded.callbacks(withCallback))
        .extracting(CallbackDelivery::outcome).contains("delivered");
  }

  @Test
  void theJournalItsVerificationAndStubsReadTheSameBothWays() {
    String stub =
        overHttp.stub(
            Stub.answer(RequestPattern.creates().key("bob"), 2, StubAnswer.status(503).withHeader("Retry-After", "1")));
    embedded.stub(Stub.fault(RequestPattern.polls(), 3, StubFault.LOST_ANSWER));
    alice.create(Bodies.v3t2v()).assertQueued();
    bob.create(Bodies.v3t2v()).assertError(503, "service_unavailable", null, null);
    alice.create(Bodies.with(Bodies.o1(), b -> b.put("prompt", Bodies.text(2501))))
        .assertError(400, "002015002", "prompt", "o1.prompt.max-length");

    assertThat(overHttp.stubs()).isEqualTo(embedded.stubs()).hasSize(2);
    assertThat(overHttp.stubs().get(0).id()).isEqualTo(stub);
    assertThat(overHttp.stubs().get(0).remaining()).isEqualTo(1);
    for (RequestPattern pattern :
        List.of(
            RequestPattern.anyRequest(),
            RequestPattern.creates().key("bob"),
            RequestPattern.anyRequest().refused(),
            RequestPattern.creates().bodyMatches("$.prompt", "^A "))) {
      assertThat(entries(overHttp.requests(pattern))).as("%s", pattern).isEqualTo(entries(embedded.requests(pattern)));
      assertThat(overHttp.countRequests(pattern)).as("%s", pattern).isEqualTo(embedded.countRequests(pattern));
    }
    assertThat(overHttp.requests()).hasSize(3);

    overHttp.verify(1, RequestPattern.creates().key("bob").status(503));
    embedded.verify(1, RequestPattern.creates().key("bob").status(503));
    RequestPattern missing = RequestPattern.creates().model("kirin_v3_t2v").status(201);
    assertThat(failure(() -> overHttp.verify(1, missing)))
        .isEqualTo(failure(() -> embedded.verify(1, missing)))
        .contains("closest near misses");
    assertThat(failure(overHttp::verifyNoRefusedRequests))
        .isEqualTo(failure(embedded::verifyNoRefusedRequests))
        .contains("found 2");

    assertThat(overHttp.removeStub(stub)).isTrue();
    assertThat(overHttp.removeStub(stub)).isFalse();
    overHttp.clearStubs();
    overHttp.clearRequests();
    assertThat(embedded.stubs()).isEmpty();
    assertThat(embedded.requests()).isEmpty();
  }

  @Test
  void resetThroughEitherEmptiesWhatTheOtherSees() {
    alice.create(Bodies.v3t2v()).assertQueued();
    overHttp.addScenario(ScenarioRule.next(ScenarioHeader.parse("hold=queued", "s")));
    overHttp.reset();
    assertThat(embedded.tasks()).isEmpty();
    assertThat(embedded.scenarios()).isEmpty();
    assertThat(embedded.requests()).isEmpty();
  }

  @Test
  void theHttpClientSendsTheAdminTokenAndAWrongOneIsRefused() {
    assertThatThrownBy(() -> HttpAdminClient.of(server.baseUrl()).tasks())
        .isInstanceOfSatisfying(
            HttpAdminClient.AdminRefusal.class, refusal -> assertThat(refusal.status()).isEqualTo(401));
    assertThatThrownBy(() -> HttpAdminClient.of(server.baseUrl(), "wrong").reset())
        .isInstanceOf(HttpAdminClient.AdminRefusal.class)
        .hasMessageContaining("unauthorized");
    assertThat(overHttp.tasks()).isEmpty();
  }

  /** The entries as the admin API writes them, bodies parsed (their bytes may differ in spacing only). */
  private static List<JsonNode> entries(List<RecordedRequest> requests) {
    return requests.stream().map(KirinAdminParityTest::parsed).toList();
  }

  private static JsonNode parsed(RecordedRequest entry) {
    try {
      return MockApi.JSON.readTree(JournalJson.entry(entry).toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String failure(Runnable verification) {
    try {
      verification.run();
    } catch (VerificationError e) {
      return e.getMessage();
    }
    throw new AssertionError("the verification passed");
  }
}

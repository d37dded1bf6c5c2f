package io.kirincontract.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kirincontract.client.KirinClient;
import io.kirincontract.client.KirinRequests;
import io.kirincontract.client.errors.KirinNotFoundException;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.admin.MockAdmin;
import io.kirincontract.mock.control.FaultSettings;
import io.kirincontract.mock.control.Scenario;
import io.kirincontract.mock.control.ScenarioRule;
import io.kirincontract.mock.lifecycle.ManualClock;
import io.kirincontract.mock.tasks.TaskStatus;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One mock per test class, reset before each test, stopped after the class; one per test in an instance field. */
class ResetBetweenTestsTest {

  @Test
  void aTaskCreatedInOneTestIsGoneInTheNextAndSoIsEveryOtherChange() {
    TestKit.assertAllPass(LeavesStateBehind.class, 2);
  }

  @Test
  void theMockStopsAfterTheClass() {
    TestKit.assertAllPass(LeavesStateBehind.class, 2);

    HttpRequest health = HttpRequest.newBuilder(URI.create(LeavesStateBehind.baseUrl + "/health")).build();
    assertThatThrownBy(() -> HttpClient.newHttpClient().send(health, HttpResponse.BodyHandlers.discarding()))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void anExtensionInAnInstanceFieldStartsAMockForEachTestAndStopsIt() {
    InstanceField.servers.clear();
    TestKit.assertAllPass(InstanceField.class, 2);

    assertThat(InstanceField.servers).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void nestedClassesShareTheirOuterClasssMockAndItIsResetForThemToo() {
    TestKit.assertAllPass(Outer.class, 2);

    assertThat(Outer.Inner.seen).isSameAs(Outer.seen);
  }

  @KirinMockTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class Outer {

    static KirinMockServer seen;

    @Test
    @Order(1)
    void outerTest(KirinMockServer server, KirinClient client) {
      seen = server;
      client.create(KirinRequests.v3TextToVideo().prompt("A red fox in the snow").build());
    }

    @Nested
    class Inner {

      static KirinMockServer seen;

      @Test
      void innerTest(KirinMockServer server, MockAdmin admin) {
        Inner.seen = server;
        assertThat(admin.taskCount()).isZero();
      }
    }
  }

  @KirinMockTest(manualClock = true)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class LeavesStateBehind {

    static KirinMockServer server;
    static String baseUrl;
    static String taskId;

    @Test
    @Order(1)
    void changesEverything(KirinClient client, KirinMockServer mock, MockAdmin admin, ManualClock clock) {
      server = mock;
      baseUrl = mock.baseUrl();
      taskId =
          client.create(
                  KirinRequests.v3TextToVideo()
                      .prompt("A red fox in the snow")
                      .callbackUrl("http://127.0.0.1:1/unreachable")
                      .build())
              .getId();
      clock.advance(Duration.ofSeconds(1)); // processing: a callback that cannot be delivered, retried later
      await().atMost(Duration.ofSeconds(10)).until(() -> !admin.deliveries().isEmpty());
      admin.addScenario(ScenarioRule.next(Scenario.holding(TaskStatus.QUEUED)));
      admin.maxRunningTasks(3);
      clock.advance(Duration.ofHours(1));
      admin.faults(FaultSettings.errors(1.0, 503, 7));

      assertThat(admin.taskCount()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void findsAFreshMock(KirinClient client, KirinMockServer mock, MockAdmin admin, ManualClock clock) {
      assertThat(mock).as("the same server all along").isSameAs(server);
      assertThat(admin.taskCount()).isZero();
      assertThatThrownBy(() -> client.get(taskId)).isInstanceOf(KirinNotFoundException.class);
      assertThat(admin.scenarios()).isEmpty();
      assertThat(admin.maxRunningTasks()).isZero();
      assertThat(admin.faults()).isEqualTo(FaultSettings.NONE);
      assertThat(admin.deliveries()).isEmpty();
      assertThat(admin.pendingTransitions()).isZero();
      assertThat(clock.instant()).isEqualTo(Instant.parse(KirinMockExtension.DEFAULT_CLOCK_START));
    }
  }

  static class InstanceField {

    static final List<KirinMockServer> servers = new ArrayList<>();

    @RegisterExtension KirinMockExtension mock = KirinMockExtension.builder().build();

    @Test
    void first(KirinMockServer server) {
      servers.add(server);
      assertThat(mock.server()).isSameAs(server);
    }

    @Test
    void second(KirinMockServer server) {
      servers.add(server);
      assertThat(mock.server()).isSameAs(server);
    }
  }
}

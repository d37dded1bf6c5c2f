package io.kirincontract.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.client.KirinClient;
import io.kirincontract.client.KirinRequests;
import io.kirincontract.client.model.Task;
import io.kirincontract.client.model.TaskStatus;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.admin.AdminTask;
import io.kirincontract.mock.admin.KirinAdmin;
import io.kirincontract.mock.admin.MockAdmin;
import io.kirincontract.mock.lifecycle.ManualClock;
import io.kirincontract.mock.util.internal.KeyId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @KirinMockTest} injects the server, its admin API, where it runs, its clock and a client for it. */
@KirinMockTest(manualClock = true, clockStart = "2026-11-22T10:00:00Z")
class InjectionTest {

  private final KirinMockServer constructed;
  private KirinMockInfo before;

  InjectionTest(KirinMockServer server) {
    this.constructed = server;
  }

  @BeforeEach
  void rememberTheInfo(KirinMockInfo info) {
    this.before = info;
  }

  @Test
  void theServerRunsOnAFreeLoopbackPortAndIsTheOneTheConstructorGot(KirinMockServer server, KirinMockInfo info)
      throws Exception {
    assertThat(server).isSameAs(constructed);
    assertThat(info).isEqualTo(before);
    assertThat(info.port()).isEqualTo(server.port()).isPositive().isNotEqualTo(8080);
    assertThat(info.baseUrl()).isEqualTo("http://localhost:" + server.port()).isEqualTo(server.baseUrl());
    assertThat(info.url("/health")).isEqualTo(info.baseUrl() + "/health").isEqualTo(info.url("health"));

    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(info.url("/health"))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
  }

  @Test
  void theClientCreatesTasksWithTheKeyTheInfoNames(KirinClient client, MockAdmin admin, KirinMockInfo info) {
    Task task = client.create(KirinRequests.v3TextToVideo().prompt("A red fox in the snow").build());

    assertThat(task.getStatus()).isEqualTo(TaskStatus.QUEUED);
    assertThat(info.apiKey()).isEqualTo(KirinMockExtension.DEFAULT_API_KEY);
    assertThat(admin.task(task.getId())).get().extracting(AdminTask::keyId).isEqualTo(KeyId.of(info.apiKey()));
  }

  @Test
  void theManualClockIsTheServersAndStartsWhereTheAnnotationSays(ManualClock clock, KirinMockServer server) {
    assertThat(clock).isSameAs(server.manualClock());
    assertThat(clock.instant()).hasToString("2026-11-22T10:00:00Z");
  }

  @Test
  void theAdminApiIsTheServers(MockAdmin admin, KirinAdmin kirinAdmin, KirinMockServer server) {
    assertThat(admin).isSameAs(server.admin());
    assertThat(kirinAdmin).isSameAs(server.admin());
  }
}

package io.kirincontract.mock.control.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.control.FaultSettings;
import io.kirincontract.mock.control.InvalidControlException;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.mock.support.MockServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTP faults on API requests: errors on a share of them and added latency, the same requests hit for the same
 * seed; admin, health and file endpoints are never hit.
 */
class FaultInjectionTest {

  @RegisterExtension
  static final MockServerExtension MOCK =
      MockServerExtension.builder()
          .configure(config -> config.manualClock(Instant.parse("2026-11-22T10:00:00Z")))
          .build();

  private final KirinMockServer server = MOCK.server();
  private final MockApi api = new MockApi(server.baseUrl(), "k");

  @Test
  void theSameSeedHitsTheSameRequestsAndAnotherSeedOthers() {
    String id = api.create(Bodies.v3t2v()).assertQueued().path("id").asText();
    List<Integer> first = statuses(FaultSettings.errors(0.3, 503, 42), id);
    List<Integer> again = statuses(FaultSettings.errors(0.3, 503, 42), id);
    List<Integer> other = statuses(FaultSettings.errors(0.3, 503, 7), id);
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    long failures = first.stream().filter(status -> status == 503).count();
    assertThat(failures).as("about 30%% of 120 requests").isBetween(20L, 55L);
    assertThat(first).containsOnly(200, 503);
  }

  @Test
  void theDrawsArePureFunctionsOfSeedAndRequestNumber() {
    FaultInjector injector = new FaultInjector(FaultSettings.errors(0.5, 500, 1));
    List<Integer> run = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      run.add(injector.next().status());
    }
    injector.set(FaultSettings.errors(0.5, 500, 1));
    for (int i = 0; i < 100; i++) {
      assertThat(injector.next().status()).isEqualTo(run.get(i));
    }
    assertThat(FaultInjector.draw(1, 5, 1)).isEqualTo(FaultInjector.draw(1, 5, 1)).isBetween(0.0, 1.0);
    assertThat(new FaultInjector(FaultSettings.NONE).next().fails()).isFalse();
  }

  @Test
  void anInjected503HasTheEnvelopeAndRetryAfterAndCreatesNoTask() throws Exception {
    server.admin().faults(FaultSettings.errors(1.0, 503, 0));
    HttpResponse<String> response = post(Bodies.v3t2v());
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).contains("1");
    assertThat(MockApi.JSON.readTree(response.body()).path("error").path("code").asText())
        .isEqualTo("service_unavailable");
    assertThat(server.admin().taskCount()).isZero();

    server.admin().faults(FaultSettings.errors(1.0, 500, 0));
    api.create(Bodies.v3t2v()).assertError(500, "internal_error", null, null);
    api.get("/v1/videos/generations/task_00000000000000000000000000").assertError(500, "internal_error", null, null);
    assertThat(server.admin().taskCount()).isZero();
  }

  @Test
  void faultsHitNeitherTheAdminApiNorHealthNorFiles() {
    server.admin().faults(FaultSettings.errors(1.0, 500, 0));
    assertThat(api.get("/health").status()).isEqualTo(200);
    assertThat(api.admin("GET", "/__admin/tasks", null).status()).isEqualTo(200);
    server.admin().clearFaults();
    assertThat(api.create(Bodies.v3t2v()).status()).isEqualTo(200);
  }

  @Test
  void latencyIsAddedToTheHitRequests() {
    server.admin().faults(new FaultSettings(Duration.ofMillis(300), 1.0, 0, 503, 0));
    long start = System.nanoTime();
    api.create(Bodies.v3t2v()).assertQueued();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

    server.admin().faults(new FaultSettings(Duration.ofSeconds(30), 0.0, 0, 503, 0));
    start = System.nanoTime();
    api.create(Bodies.v3t2v()).assertQueued();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a share of 0 delays nothing").isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void theAdminApiSetsReadsAndClearsFaultsAndRefusesBadOnes() {
    JsonNode set =
        api.admin("PUT", "/__admin/faults",
                "{\"latency\": \"PT0.05S\", \"error_share\": 0.25, \"error_status\": 500, \"seed\": 9}")
            .json();
    assertThat(set.path("latency").asText()).isEqualTo("PT0.05S");
    assertThat(set.path("latency_share").asDouble()).as("latency alone hits every request").isEqualTo(1.0);
    assertThat(set.path("error_share").asDouble()).isEqualTo(0.25);
    assertThat(set.path("error_status").asInt()).isEqualTo(500);
    assertThat(set.path("seed").asLong()).isEqualTo(9);
    assertThat(server.admin().faults()).isEqualTo(new FaultSettings(Duration.ofMillis(50), 1.0, 0.25, 500, 9));
    assertThat(api.admin("GET", "/__admin/faults", null).json()).isEqualTo(set);

    api.admin("PUT", "/__admin/faults", "{\"error_share\": 1.5}").assertError(400, "invalid_parameter", "error_share", null);
    api.admin("PUT", "/__admin/faults", "{\"error_status\": 502}").assertError(400, "invalid_parameter", "error_status", null);
    api.admin("PUT", "/__admin/faults", "{\"latency\": \"5 seconds\"}").assertError(400, "invalid_parameter", "latency", null);
    api.admin("PUT", "/__admin/faults", "{\"share\": 1}").assertError(400, "invalid_parameter", "share", null);
    assertThatThrownBy(() -> new FaultSettings(Duration.ofMinutes(2), 1, 0, 503, 0))
        .isInstanceOf(InvalidControlException.class);

    assertThat(api.admin("DELETE", "/__admin/faults", null).json().path("error_share").asDouble()).isZero();
    assertThat(server.admin().faults().isNone()).isTrue();
  }

  private List<Integer> statuses(FaultSettings faults, String id) {
    server.admin().faults(faults);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      statuses.add(api.get("/v1/videos/generations/" + id).status());
    }
    server.admin().clearFaults();
    return statuses;
  }

  private HttpResponse<String> post(JsonNode body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/videos/generations"))
                .header("Authorization", "Bearer k")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MockApi.write(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}

package io.kirincontract.conformance.clientkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A deliberately careless client, graded by the kit: it retries everything (400s included) 100 ms later whatever
 * {@code Retry-After} says, up to 8 attempts, makes a new {@code external_task_id} for each attempt, polls every 100
 * ms and polls three more times after the end. The kit flags each check it breaks, and only those.
 */
class CarelessClientIsFlaggedTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aCarelessClientFailsExactlyTheChecksItBreaks() {
    ClientKitReport report = ClientKit.builder().build().run(CarelessClientIsFlaggedTest::carelessly);

    assertThat(report.failedChecks()).containsExactlyInAnyOrder(
        CheckId.RETRY_AFTER_HONOURED, CheckId.NO_RETRY_ON_4XX, CheckId.IDEMPOTENT_RETRY, CheckId.BOUNDED_RETRIES,
        CheckId.POLL_INTERVAL, CheckId.STOPS_AT_TERMINAL);
    // it does retry a 503 and then follows the task to its end
    assertThat(report.passedChecks()).containsExactly(CheckId.SERVER_ERROR_RETRIED);
    assertThat(report.scenario(ClientScenario.LOST_ANSWER).orElseThrow().check(CheckId.IDEMPOTENT_RETRY)
        .orElseThrow().summary()).contains("2 tasks exist for one run");
    assertThat(report.scenario(ClientScenario.ALWAYS_FAILING).orElseThrow().check(CheckId.BOUNDED_RETRIES)
        .orElseThrow().summary()).startsWith("7 creates after consecutive failures");
  }

  private static void carelessly(ClientEnvironment env) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String taskId = null;
    for (int attempt = 1; attempt <= 8 && taskId == null; attempt++) {
      String body = JSON.createObjectNode().put("model", env.model()).put("prompt", "A paper boat on a pond")
          .put("external_task_id", "careless-" + env.apiKey() + "-" + attempt).toString();
      try {
        HttpResponse<String> answer = http.send(request(env, "").POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          taskId = JSON.readTree(answer.body()).path("id").asText();
        }
      } catch (IOException lostOrBroken) {
        // try again, with a new external id
      }
      if (taskId == null) {
        TimeUnit.MILLISECONDS.sleep(100);
      }
    }
    if (taskId == null) {
      throw new IllegalStateException("no task after 8 attempts");
    }
    String status = "queued";
    int afterEnd = 0;
    while (afterEnd < 4) {
      TimeUnit.MILLISECONDS.sleep(100);
      HttpResponse<String> answer = http.send(request(env, "/" + taskId).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode task = JSON.readTree(answer.body());
      status = task.path("status").asText(status);
      if (Set.of("completed", "failed").contains(status)) {
        afterEnd++;
      }
    }
    if (!"completed".equals(status)) {
      throw new IllegalStateException("the task " + status);
    }
  }

  private static HttpRequest.Builder request(ClientEnvironment env, String path) {
    return HttpRequest.newBuilder(URI.create(env.baseUrl() + "/v1/videos/generations" + path))
        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + env.apiKey());
  }
}

package io.kirincontract.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kirincontract.mock.admin.MockAdmin;
import io.kirincontract.mock.journal.RequestJournal;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.mock.tasks.TaskStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The callback receiver for tests: injected, it records the mock's callbacks, waits for one, fails or delays. */
@KirinMockTest(timeScale = 100)
class CallbackReceiverTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Test
  void itRecordsTheMocksCallbacksAndWaitsForATasksStatus(CallbackReceiver receiver, KirinMockInfo info) {
    String id =
        new MockApi(info.baseUrl(), info.apiKey())
            .create(Bodies.with(Bodies.v3t2v(), b -> b.put("callback_url", receiver.url())))
            .assertQueued()
            .path("id")
            .asText();

    CallbackReceiver.Callback completed = receiver.await(id, TaskStatus.COMPLETED, Duration.ofSeconds(30));

    assertThat(completed.json().path("output").path("content")).isNotEmpty();
    assertThat(completed.answeredWith()).isEqualTo(200);
    assertThat(completed.headers()).containsEntry("content-type", "application/json");
    assertThat(receiver.received(id)).extracting(CallbackReceiver.Callback::status).contains("processing", "completed");
    assertThat(receiver.url()).startsWith("http://127.0.0.1:");
  }

  @Test
  void toldToFailItAnswersTheNextCallbacksWithTheStatusAndTheMockRetries(
      CallbackReceiver receiver, KirinMockInfo info, MockAdmin admin) {
    receiver.failNext(1, 503);
    String id =
        new MockApi(info.baseUrl(), info.apiKey())
            .create(Bodies.with(Bodies.v3t2v(), b -> b.put("callback_url", receiver.url())))
            .assertQueued()
            .path("id")
            .asText();

    receiver.await(id, "completed", Duration.ofSeconds(30));

    assertThat(receiver.received(id).get(0).answeredWith()).isEqualTo(503);
    assertThat(receiver.received(id).stream().skip(1)).allSatisfy(callback -> assertThat(callback.answeredWith()).isEqualTo(200));
    String firstStatus = receiver.received(id).get(0).status();
    assertThat(receiver.received(id)).filteredOn(callback -> callback.status().equals(firstStatus)).hasSize(2);
    assertThat(admin.deliveries(id)).anySatisfy(attempt -> assertThat(attempt.httpStatus()).isEqualTo(503));
  }

  @Test
  void toldToDelayItRecordsACallbackOnArrivalAndAnswersItLater(CallbackReceiver receiver) throws Exception {
    receiver.delayNext(1, Duration.ofMillis(500));
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<Void>> answer = post(receiver, "{\"id\": \"t1\", \"status\": \"completed\"}");

    receiver.await("t1", "completed", Duration.ofSeconds(10));
    HttpResponse<Void> response = answer.get(10, TimeUnit.SECONDS);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    assertThat(post(receiver, "{\"id\": \"t1\", \"status\": \"failed\"}").get(10, TimeUnit.SECONDS).statusCode())
        .isEqualTo(200);
  }

  @Test
  void awaitFailsAfterItsTimeoutNamingWhatArrivedForTheTask(CallbackReceiver receiver) throws Exception {
    post(receiver, "{\"id\": \"t2\", \"status\": \"processing\"}").get(10, TimeUnit.SECONDS);

    assertThatThrownBy(() -> receiver.await("t2", "completed", Duration.ofMillis(50)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no callback of task t2 with status completed")
        .hasMessageContaining("[processing]");
  }

  @Test
  void theReceiverAndJournalAreTheMocksOwnAndStartEmptyInEachTest(
      CallbackReceiver receiver, RequestJournal journal, MockAdmin admin) {
    assertThat(receiver.received()).isEmpty();
    assertThat(journal).isSameAs(admin.journal());
    assertThat(journal.total()).isZero();
    assertThat(receiver.failNext(2, 500)).isSameAs(receiver);
    assertThatThrownBy(() -> receiver.failNext(1, 99)).isInstanceOf(IllegalArgumentException.class);
  }

  private static CompletableFuture<HttpResponse<Void>> post(CallbackReceiver receiver, String body) {
    return CLIENT.sendAsync(
        HttpRequest.newBuilder(URI.create(receiver.url()))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }
}

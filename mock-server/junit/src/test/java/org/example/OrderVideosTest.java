package org.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kirincontract.client.KirinClient;
import io.kirincontract.client.model.Task;
import io.kirincontract.mock.admin.MockAdmin;
import io.kirincontract.mock.journal.RecordedRequest;
import io.kirincontract.mock.journal.RequestPattern;
import io.kirincontract.mock.junit.CallbackReceiver;
import io.kirincontract.mock.junit.KirinMockTest;
import io.kirincontract.mock.stubs.Stub;
import io.kirincontract.mock.stubs.StubAnswer;
import io.kirincontract.mock.stubs.StubFault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@KirinMockTest(timeScale = 100)
class OrderVideosTest {

  // testing-clients:begin verify
  @Test
  void sendsTheOrderAsTheExternalTaskId(KirinClient client, MockAdmin admin) {
    new OrderVideos(client, "https://shop.example/hooks/kirin").start("17", "A paper boat on a rainy street");

    admin.verify(1, RequestPattern.creates()
        .model("kirin_v3_t2v")
        .body("$.external_task_id", "order-17")
        .bodyMatches("$.prompt", "^A paper boat"));
    admin.verifyNoRefusedRequests();
  }
  // testing-clients:end

  // testing-clients:begin take
  @Test
  void sendsOneCreate(KirinClient client, MockAdmin admin) throws InterruptedException {
    new OrderVideos(client, "https://shop.example/hooks/kirin").start("18", "A lighthouse at dawn");

    RecordedRequest create = admin.takeRequest(Duration.ofSeconds(5)).orElseThrow();
    assertEquals("POST", create.method());
    assertEquals("order-18", create.externalTaskId());
    assertEquals("https://shop.example/hooks/kirin", create.body().path("callback_url").asText());
    assertTrue(admin.takeRequest(Duration.ofMillis(100)).isEmpty());
  }
  // testing-clients:end

  // testing-clients:begin stubs
  @Test
  void survivesALostAnswerWithOneTask(KirinClient client, MockAdmin admin) {
    // The first create makes its task, then the connection closes without an answer.
    admin.stub(Stub.fault(RequestPattern.creates(), 1, StubFault.LOST_ANSWER));

    Task task = new OrderVideos(client, "https://shop.example/hooks/kirin").start("19", "A fox in the snow");

    assertEquals(1, admin.tasks().size());
    assertEquals(admin.tasks().get(0).task().id(), task.getId());
    admin.verify(2, RequestPattern.creates().body("$.external_task_id", "order-19"));
  }

  @Test
  void waitsAsTheProviderAsksAfterA429(KirinClient client, MockAdmin admin) {
    admin.stub(Stub.answer(RequestPattern.creates(), 1,
        StubAnswer.status(429).withHeader("Retry-After", "1")));

    new OrderVideos(client, "https://shop.example/hooks/kirin").start("20", "A kite over the dunes");

    List<RecordedRequest> creates = admin.requests(RequestPattern.creates());
    assertEquals(429, creates.get(0).status());
    assertEquals(200, creates.get(1).status());
    assertTrue(Duration.between(creates.get(0).at(), creates.get(1).at()).toMillis() >= 1000);
  }
  // testing-clients:end

  // testing-clients:begin receiver
  @Test
  void theCallbackUrlHearsOfTheCompletedVideo(KirinClient client, CallbackReceiver receiver) {
    Task task = new OrderVideos(client, receiver.url()).start("21", "A train crossing a bridge");

    CallbackReceiver.Callback done = receiver.await(task.getId(), "completed", Duration.ofSeconds(30));
    assertEquals("order-21", done.json().path("external_task_id").asText());
  }

  @Test
  void theMockRetriesACallbackThatFailed(KirinClient client, CallbackReceiver receiver) {
    receiver.failNext(1, 503);

    Task task = new OrderVideos(client, receiver.url()).start("22", "A hot-air balloon");

    receiver.await(task.getId(), "completed", Duration.ofSeconds(30));
    assertEquals(503, receiver.received(task.getId()).get(0).answeredWith());
  }
  // testing-clients:end
}

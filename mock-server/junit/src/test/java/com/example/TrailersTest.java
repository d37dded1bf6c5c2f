package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kirincontract.client.KirinClient;
import io.kirincontract.client.errors.KirinTaskFailedException;
import io.kirincontract.mock.admin.MockAdmin;
import io.kirincontract.mock.control.Scenario;
import io.kirincontract.mock.control.ScenarioRule;
import io.kirincontract.mock.junit.KirinMockTest;
import io.kirincontract.mock.tasks.TaskStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

// The mock runs 100 times as fast as real time: a 5-second video is ready in about 45 ms.
@KirinMockTest(timeScale = 100)
class TrailersTest {

  @Test
  void rendersATrailer(KirinClient client) throws Exception {
    URI video = new Trailers(client).render("A paper boat on a rainy street");

    HttpResponse<byte[]> file = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(video).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, file.statusCode());
    assertEquals("video/mp4", file.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void reportsTheProvidersErrorCode(KirinClient client, MockAdmin admin) {
    // The next task fails at the end of processing with V3's code 006001095, "Task response error".
    admin.addScenario(ScenarioRule.next(Scenario.failing("006001095", TaskStatus.PROCESSING)));

    KirinTaskFailedException failure = assertThrows(KirinTaskFailedException.class,
        () -> new Trailers(client).render("A storm over the harbour"));

    assertEquals("006001095", failure.code());
  }
}

package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kirincontract.client.RetryPolicy;
import io.kirincontract.mock.junit.KirinMockExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The quickstart's registered extension (the block between the markers), and a test that uses it. */
class TrailersWithOwnSettingsTest {

  // quickstart:begin
  @RegisterExtension
  static KirinMockExtension mock = KirinMockExtension.builder()
      .configure(config -> config.timeScale(50).maxRunningTasks(2).mediaFetch(false))
      .apiKey("my-key")                                        // the injected client's key
      .client(client -> client.retryPolicy(RetryPolicy.none())) // and anything else for the client
      .build();
  // quickstart:end

  @Test
  void rendersWithTheMocksOwnSettings() {
    URI video = new Trailers(mock.client()).render("A paper boat on a rainy street");

    assertEquals("my-key", mock.info().apiKey());
    assertEquals(mock.info().port(), video.getPort());
    assertEquals(2, mock.admin().maxRunningTasks());
  }
}

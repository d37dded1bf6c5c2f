package io.kirincontract.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.Media;
import io.kirincontract.mock.support.MockApi;
import org.junit.jupiter.api.Test;

/** The default body limit takes the largest request the provider allows. */
class LargeBodyTest {

  @Test
  void sevenImagesOf10MiBInBase64AreAcceptedUnderTheDefaultLimit() {
    String image = Media.pngOfSize(10 * 1024 * 1024);
    ObjectNode body = Bodies.o1();
    ArrayNode images = body.putArray("image_list");
    for (int i = 0; i < 7; i++) {
      images.addObject().put("image_url", image);
    }
    String json = MockApi.write(body);
    assertThat(json.length()).isGreaterThan(7 * 13_900_000).isLessThan((int) MockConfig.DEFAULT_MAX_BODY_SIZE);
    try (KirinMockServer server = KirinMockServer.start(config -> config.port(0))) {
      new MockApi(server.baseUrl(), "k").create(json).assertQueued();
    }
  }
}

package io.kirincontract.mock.callbacks.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A receiver's response body is read up to 64 KiB and thrown away; its status decides the attempt. */
class ResponseBodyTest {

  private static final byte[] BODY = "{\"id\":\"task\"}".getBytes(UTF_8);

  @Test
  void aTwoHundredWithAFourMebibyteBodyIsDeliveredWithoutReadingItAll() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(200, 4L * 1024 * 1024);
      try (OutputStream out = exchange.getResponseBody()) {
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 64; i++) {
          out.write(chunk);
        }
      } catch (IOException closedByTheSender) {
        // expected: the mock stops reading after 64 KiB and closes the connection
      }
    });
    server.start();
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callback");
    try (CallbackDispatcher dispatcher = new CallbackDispatcher(FastSettings.settings())) {

      dispatcher.enqueue("tenant-a", "task-1", "completed", url, BODY);

      assertThat(dispatcher.awaitIdle(Duration.ofSeconds(10))).isTrue();
      assertThat(dispatcher.log().all())
          .singleElement()
          .satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
            assertThat(attempt.httpStatus()).isEqualTo(200);
          });
    } finally {
      server.stop(0);
    }
  }
}

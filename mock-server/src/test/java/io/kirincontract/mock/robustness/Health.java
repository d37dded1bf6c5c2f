package io.kirincontract.mock.robustness;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** Whether {@code GET /health} answers 200 within a timeout, on a new connection. */
final class Health {

  private Health() {}

  static boolean answers(int port, Duration timeout) {
    try {
      Answer answer = new RawHttp(port, timeout).send(new Probe("health", "GET", "/health", Map.of(), new byte[0]));
      return answer.status() == 200 && answer.text().contains("\"ok\"");
    } catch (IOException e) {
      return false;
    }
  }
}

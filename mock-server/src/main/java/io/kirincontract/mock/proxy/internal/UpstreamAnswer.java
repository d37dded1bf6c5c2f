package io.kirincontract.mock.proxy.internal;

import java.util.List;
import java.util.Map;

/** What the upstream answered: status, end-to-end headers, body. */
public record UpstreamAnswer(int status, Map<String, List<String>> headers, byte[] body) {

  public UpstreamAnswer {
    headers = Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }
}

package io.kirincontract.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kirincontract.client.invoker.ApiClient;
import io.kirincontract.client.requests.RequestBodies;

/** The client's JSON mapper. */
public final class KirinJson {

  private KirinJson() {}

  /**
   * The generated client's mapper (unknown properties ignored, unknown enum values read as the unknown case,
   * dates as RFC 3339) writing requests as {@link RequestBodies} does. A new instance each time.
   */
  public static ObjectMapper mapper() {
    return RequestBodies.install(ApiClient.createDefaultObjectMapper());
  }
}

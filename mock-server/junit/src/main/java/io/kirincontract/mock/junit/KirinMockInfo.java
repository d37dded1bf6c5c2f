package io.kirincontract.mock.junit;

/**
 * Where the mock of a test runs and the key the injected client uses: inject it into a test method or constructor.
 *
 * @param baseUrl {@code http://localhost:<port>}
 * @param port the free port the mock listens on
 * @param apiKey the bearer key of the injected {@link io.kirincontract.client.KirinClient}
 */
public record KirinMockInfo(String baseUrl, int port, String apiKey) {

  /** {@code baseUrl} followed by {@code path}, such as {@code url("/openapi.yaml")}. */
  public String url(String path) {
    return baseUrl + (path.startsWith("/") ? path : "/" + path);
  }
}

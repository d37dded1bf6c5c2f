package io.kirincontract.conformance.server;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the suite is pointed at, read from JUnit configuration parameters, which fall back to system properties
 * ({@code -Dkirin.baseUrl=...}). A blank value counts as absent. Without a base URL the suite starts the mock
 * in-process.
 *
 * @param baseUrl the server under test, or empty for the in-process mock
 * @param apiKey the bearer key of the first tenant
 * @param apiKey2 the key of a second tenant, for isolation checks (optional against a foreign server)
 * @param strictBaseUrl a second server that runs in strict media policy, for {@code mode: strict} rules (optional)
 * @param mediaHost the host name the server under test reaches this machine by, for media the suite serves
 * @param mediaPort the port of the suite's media server; 0 for any free port
 * @param connectTimeout the bound of the first connectivity check
 * @param disabledRules rules to disable in the in-process mock (for testing the suite itself)
 * @param models the models whose cases run; empty for all
 * @param lifecycleTimeout how long a task may take from creation to a final status
 * @param mockTimeScale mock seconds per real second of the in-process mocks
 */
public record Settings(
    Optional<String> baseUrl,
    String apiKey,
    Optional<String> apiKey2,
    Optional<String> strictBaseUrl,
    Optional<String> mediaHost,
    int mediaPort,
    Duration connectTimeout,
    java.util.List<String> disabledRules,
    java.util.List<String> models,
    Duration lifecycleTimeout,
    double mockTimeScale) {

  public static final String BASE_URL = "kirin.baseUrl";
  public static final String API_KEY = "kirin.apiKey";
  public static final String API_KEY_2 = "kirin.apiKey2";
  public static final String STRICT_BASE_URL = "kirin.strictBaseUrl";
  public static final String MEDIA_HOST = "kirin.mediaHost";
  public static final String MEDIA_PORT = "kirin.mediaPort";
  public static final String CONNECT_TIMEOUT = "kirin.connectTimeoutSeconds";
  public static final String DISABLE_RULES = "kirin.mock.disableRules";
  public static final String MODELS = "kirin.models";
  public static final String LIFECYCLE_TIMEOUT = "kirin.lifecycleTimeoutSeconds";
  public static final String MOCK_TIME_SCALE = "kirin.mock.timeScale";

  /** Keys of the in-process mock; it accepts only these, so authentication checks are real. */
  public static final String MOCK_KEY_1 = "conformance-key-1";

  public static final String MOCK_KEY_2 = "conformance-key-2";

  /** Reads the settings through a lookup (JUnit's configuration parameters or system properties). */
  public static Settings from(Function<String, Optional<String>> lookup) {
    Function<String, Optional<String>> value = key -> lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    Optional<String> baseUrl = value.apply(BASE_URL).map(Settings::withoutTrailingSlash);
    String apiKey = value.apply(API_KEY).orElse(baseUrl.isPresent() ? "" : MOCK_KEY_1);
    Optional<String> apiKey2 = value.apply(API_KEY_2).or(() -> baseUrl.isPresent() ? Optional.empty() : Optional.of(MOCK_KEY_2));
    return new Settings(
        baseUrl,
        apiKey,
        apiKey2,
        value.apply(STRICT_BASE_URL).map(Settings::withoutTrailingSlash),
        value.apply(MEDIA_HOST),
        value.apply(MEDIA_PORT).map(Integer::parseInt).orElse(0),
        Duration.ofSeconds(value.apply(CONNECT_TIMEOUT).map(Long::parseLong).orElse(3L)),
        list(value.apply(DISABLE_RULES)),
        list(value.apply(MODELS)),
        Duration.ofSeconds(value.apply(LIFECYCLE_TIMEOUT).map(Long::parseLong).orElse(120L)),
        value.apply(MOCK_TIME_SCALE).map(Double::parseDouble).orElse(20.0));
  }

  public static Settings fromSystemProperties() {
    return from(key -> Optional.ofNullable(System.getProperty(key)));
  }

  /** Whether the suite starts the mock itself (no base URL given). */
  public boolean inProcess() {
    return baseUrl.isEmpty();
  }

  /** Whether the cases of this model run ({@code kirin.models} unset, or naming it). */
  public boolean includes(String model) {
    return models.isEmpty() || models.contains(model);
  }

  private static java.util.List<String> list(Optional<String> value) {
    return value.map(v -> java.util.List.of(v.split("\\s*,\\s*"))).orElse(java.util.List.of());
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}

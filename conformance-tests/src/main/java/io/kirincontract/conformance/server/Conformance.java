package io.kirincontract.conformance.server;

import io.kirincontract.conformance.http.CallbackReceiver;
import io.kirincontract.conformance.http.KirinApi;
import io.kirincontract.conformance.http.SpecValidation;
import io.kirincontract.conformance.media.Fixtures;
import io.kirincontract.conformance.media.MediaServer;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.MediaPolicy;
import io.kirincontract.mock.MockConfig;
import io.kirincontract.mock.rules.ElementLibrary;
import io.kirincontract.spec.KirinSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything one run of the suite shares: the settings, the spec, the server under test and the suite's media
 * server. Against the in-process mock it also starts, on demand, a mock in strict media policy and one with a
 * subject library (for {@code mode: strict} and {@code mode: library} rules); their clocks run
 * {@code kirin.mock.timeScale} times faster than real time (20 by default), so tasks finish in a fraction of a
 * second. Closed at the end of the run.
 */
public final class Conformance implements AutoCloseable {

  /** Element ids of the in-process library mock: {@code 829301} is an image subject, {@code 829302} a video one. */
  public static final Map<Long, ElementLibrary.Kind> LIBRARY =
      Map.of(829301L, ElementLibrary.Kind.IMAGE, 829302L, ElementLibrary.Kind.VIDEO);

  private final Settings settings;
  private final KirinSpec spec;
  private final SpecValidation validation;
  private final MediaServer media;
  private final Fixtures fixtures;
  private final List<KirinMockServer> mocks = new ArrayList<>();
  private CallbackReceiver callbacks;
  private final String baseUrl;
  private Optional<String> strictBaseUrl;
  private Optional<String> libraryBaseUrl;
  private Optional<String> limitedBaseUrl;

  private Conformance(Settings settings) {
    this.settings = settings;
    this.spec = KirinSpec.load();
    this.validation = new SpecValidation(spec);
    if (!settings.inProcess()) {
      Connectivity.check(settings.baseUrl().orElseThrow(), settings.connectTimeout());
    }
    this.media = MediaServer.start(settings.mediaHost().orElse(null), settings.mediaPort());
    this.fixtures = new Fixtures(media);
    try {
      this.baseUrl = settings.inProcess()
          ? startMock(config -> config.disableRules(settings.disabledRules())).baseUrl()
          : settings.baseUrl().orElseThrow();
    } catch (RuntimeException e) {
      media.close();
      throw e;
    }
  }

  /** Starts the run: the in-process mock, or a connectivity check of the given server (fails fast). */
  public static Conformance start(Settings settings) {
    return new Conformance(settings);
  }

  public Settings settings() {
    return settings;
  }

  public KirinSpec spec() {
    return spec;
  }

  public SpecValidation validation() {
    return validation;
  }

  public Fixtures fixtures() {
    return fixtures;
  }

  /** Whether the server under test is the mock this run started. */
  public boolean inProcess() {
    return settings.inProcess();
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** The API as the first tenant. */
  public KirinApi api() {
    return new KirinApi(baseUrl, settings.apiKey(), validation);
  }

  /** The API as the second tenant, when there is one. */
  public Optional<KirinApi> secondTenant() {
    return settings.apiKey2().map(key -> new KirinApi(baseUrl, key, validation));
  }

  /** The suite's callback receiver, started on first use. */
  public synchronized CallbackReceiver callbacks() {
    if (callbacks == null) {
      int port = settings.mediaPort() == 0 ? 0 : settings.mediaPort() + 1;
      callbacks = CallbackReceiver.start(settings.mediaHost().orElse(null), port);
    }
    return callbacks;
  }

  /** A server in strict media policy: a second in-process mock, or {@code kirin.strictBaseUrl}. */
  public synchronized Optional<KirinApi> strict() {
    if (strictBaseUrl == null) {
      strictBaseUrl =
          settings.inProcess()
              ? Optional.of(startMock(config -> config.mediaPolicy(MediaPolicy.STRICT)).baseUrl())
              : settings.strictBaseUrl();
    }
    return strictBaseUrl.map(url -> new KirinApi(url, settings.apiKey(), validation));
  }

  /** A server that knows the subject library {@link #LIBRARY}: a third in-process mock only. */
  public synchronized Optional<KirinApi> withLibrary() {
    if (libraryBaseUrl == null) {
      libraryBaseUrl =
          settings.inProcess()
              ? Optional.of(startMock(config -> config.elementLibrary(ElementLibrary.of(LIBRARY))).baseUrl())
              : Optional.empty();
    }
    return libraryBaseUrl.map(url -> new KirinApi(url, settings.apiKey(), validation));
  }

  /** A server that allows each key one unfinished task: a fourth in-process mock only. */
  public synchronized Optional<KirinApi> withOneTaskPerKey() {
    if (limitedBaseUrl == null) {
      limitedBaseUrl =
          settings.inProcess() ? Optional.of(startMock(config -> config.maxRunningTasks(1)).baseUrl()) : Optional.empty();
    }
    return limitedBaseUrl.map(url -> new KirinApi(url, settings.apiKey(), validation));
  }

  private KirinMockServer startMock(Consumer<MockConfig> more) {
    KirinMockServer mock =
        KirinMockServer.start(
            config -> {
              config.host("127.0.0.1").port(0).apiKeys(Settings.MOCK_KEY_1, Settings.MOCK_KEY_2)
                  .timeScale(settings.mockTimeScale());
              more.accept(config);
            });
    mocks.add(mock);
    return mock;
  }

  @Override
  public void close() {
    mocks.forEach(KirinMockServer::close);
    if (callbacks != null) {
      callbacks.close();
    }
    media.close();
  }
}

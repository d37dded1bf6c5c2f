package io.kirincontract.mock.support;

import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.MockConfig;
import io.kirincontract.mock.admin.MockAdmin;
import io.kirincontract.mock.lifecycle.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The mock module's own tests' mock, in a {@code static} field with {@code @RegisterExtension}: started on
 * {@code 127.0.0.1}, port 0, before the class's first test, reset (and a manual clock put back at its start) before
 * each test, stopped after the last. Test methods may take its {@link MockAdmin} and its {@link Info}. Users' tests
 * have {@code @KirinMockTest} of {@code kirin-mock-junit}, which this module cannot use (that module depends on this
 * one).
 */
public final class MockServerExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {

  /** The key tests send when the mock accepts any key. */
  public static final String ANY_KEY = "kirin-test-key";

  /** Where the running mock is and the key its tests send (its only configured key, else {@link #ANY_KEY}). */
  public record Info(String baseUrl, String apiKey) {

    /** {@code baseUrl} followed by {@code path}. */
    public String url(String path) {
      return baseUrl + (path.startsWith("/") ? path : "/" + path);
    }
  }

  private final List<Consumer<MockConfig>> config;
  private KirinMockServer server;
  private Instant clockStart;
  private String apiKey;

  private MockServerExtension(List<Consumer<MockConfig>> config) {
    this.config = config;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The running mock. */
  public KirinMockServer server() {
    if (server == null) {
      throw new IllegalStateException("the mock starts before the first test of the class");
    }
    return server;
  }

  /** {@code http://127.0.0.1:<port>} of the running mock. */
  public String baseUrl() {
    return server().baseUrl();
  }

  /** The running mock's base URL and key. */
  public Info info() {
    return new Info(server().baseUrl(), apiKey);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == MockAdmin.class || type == Info.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == MockAdmin.class ? server().admin() : info();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j");
    }
    MockConfig chosen = new MockConfig().host("127.0.0.1").port(0);
    config.forEach(step -> step.accept(chosen));
    apiKey = chosen.apiKeys().isEmpty() ? ANY_KEY : chosen.apiKeys().iterator().next();
    server = KirinMockServer.start(chosen);
    clockStart = server.clock() instanceof ManualClock manual ? manual.instant() : null;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server().admin().reset();
    if (clockStart != null) {
      server.manualClock().resetTo(clockStart);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** Builds the extension: {@code builder().configure(config -> config.manualClock(start)).build()}. */
  public static final class Builder {

    private final List<Consumer<MockConfig>> config = new ArrayList<>();

    private Builder() {}

    public Builder configure(Consumer<MockConfig> step) {
      config.add(step);
      return this;
    }

    public MockServerExtension build() {
      return new MockServerExtension(List.copyOf(config));
    }
  }
}

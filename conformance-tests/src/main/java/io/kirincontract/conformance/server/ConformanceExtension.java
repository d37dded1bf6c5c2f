package io.kirincontract.conformance.server;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the run's {@link Conformance}, created once per test run (in the root store, closed at its end) from
 * the configuration parameters. A server that fails the connectivity check fails every test at once with the same
 * message, without checking again.
 */
public final class ConformanceExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Conformance.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Conformance.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return conformance(context);
  }

  /** The run's conformance context, started on first use. */
  public static Conformance conformance(ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    Started started =
        store.computeIfAbsent(
            Started.class, key -> Started.of(Settings.from(context::getConfigurationParameter)), Started.class);
    return started.get();
  }

  /** The outcome of starting, kept so that a failure is reported to every test without a second attempt. */
  private record Started(Conformance conformance, RuntimeException failure) implements AutoCloseable {

    static Started of(Settings settings) {
      try {
        return new Started(Conformance.start(settings), null);
      } catch (RuntimeException e) {
        return new Started(null, e);
      }
    }

    Conformance get() {
      if (failure != null) {
        throw failure;
      }
      return conformance;
    }

    @Override
    public void close() {
      if (conformance != null) {
        conformance.close();
      }
    }
  }
}

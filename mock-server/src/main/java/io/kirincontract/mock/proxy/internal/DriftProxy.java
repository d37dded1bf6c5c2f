package io.kirincontract.mock.proxy.internal;

import io.kirincontract.mock.MockConfig;
import io.kirincontract.mock.validation.internal.RequestValidator;
import io.kirincontract.spec.KirinSpec;
import java.time.Clock;
import java.util.Optional;

/** The proxy of a mock started with {@code --proxy-to}: the forwarder and the drift watch behind it. */
public final class DriftProxy implements AutoCloseable {

  private final Forwarder forwarder;
  private final DriftWatch watch;

  public DriftProxy(Forwarder forwarder, DriftWatch watch) {
    this.forwarder = forwarder;
    this.watch = watch;
  }

  /** The proxy {@code config} asks for, judging with {@code validator}; empty without {@code proxyTo}. */
  public static Optional<DriftProxy> of(MockConfig config, KirinSpec spec, RequestValidator validator) {
    return config.proxyTo().map(upstream -> {
      Judge judge = new ExchangeJudge(new LocalVerdicts(validator, spec), spec);
      CaseRecorder recorder = config.proxyRecord().map(dir -> new CaseRecorder(dir, spec)).orElse(null);
      return new DriftProxy(
          new Forwarder(upstream, config.proxyTimeout(), config.maxBodySize()),
          new DriftWatch(judge, new DriftLog(Clock.systemUTC()), DriftWatch.DEFAULT_QUEUE_SIZE, recorder));
    });
  }

  public Forwarder forwarder() {
    return forwarder;
  }

  public DriftWatch watch() {
    return watch;
  }

  @Override
  public void close() {
    watch.close();
  }
}

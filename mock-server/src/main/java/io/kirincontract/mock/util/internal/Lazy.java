package io.kirincontract.mock.util.internal;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on first use, once, whichever thread asks first. For what a server may never need but would pay for
 * at start-up: an HTTP client, for instance, initialises TLS (a few hundred milliseconds of class loading) whether
 * or not any URL is ever fetched.
 */
public final class Lazy<T> implements Supplier<T> {

  private final Supplier<? extends T> maker;
  private volatile T value;

  private Lazy(Supplier<? extends T> maker) {
    this.maker = maker;
  }

  public static <T> Lazy<T> of(Supplier<? extends T> maker) {
    return new Lazy<>(Objects.requireNonNull(maker, "maker"));
  }

  @Override
  public T get() {
    T made = value;
    if (made == null) {
      synchronized (this) {
        made = value;
        if (made == null) {
          made = Objects.requireNonNull(maker.get(), "made a null value");
          value = made;
        }
      }
    }
    return made;
  }

  /** Whether the value was made. */
  public boolean isMade() {
    return value != null;
  }
}

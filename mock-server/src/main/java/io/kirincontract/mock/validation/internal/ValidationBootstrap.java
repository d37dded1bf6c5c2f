package io.kirincontract.mock.validation.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kirincontract.mock.util.internal.Background;
import io.kirincontract.mock.util.internal.Lazy;
import jakarta.validation.ValidatorFactory;

/**
 * The part of request validation that does not depend on the spec: the binding mapper and Hibernate Validator's
 * factory. Its bootstrap is one of the two slow parts of a start (the other is reading the spec), so a server starts
 * it in the background with {@link #startInBackground()} and reads the spec meanwhile.
 *
 * <p>Neither depends on a server's configuration, so every server of a JVM shares one: the second and later
 * in-process starts (a test suite's) skip the bootstrap, and Hibernate Validator builds the metadata of each request
 * class once. That is also when it logs HV000271 ("{@code @Valid} on a container is deprecated") for the list
 * properties of the generated models (openapi-generator puts {@code @Valid} on the list and on its elements,
 * OpenAPITools/openapi-generator#24782): once per JVM, not once per server.
 */
public final class ValidationBootstrap {

  private static final Lazy<ValidationBootstrap> SHARED = Lazy.of(ValidationBootstrap::bootstrap);

  final ObjectMapper mapper;
  final ValidatorFactory factory;

  private ValidationBootstrap(ObjectMapper mapper, ValidatorFactory factory) {
    this.mapper = mapper;
    this.factory = factory;
  }

  /** The JVM's bootstrap: made on this thread if no server made it before. */
  public static ValidationBootstrap shared() {
    return SHARED.get();
  }

  private static ValidationBootstrap bootstrap() {
    ObjectMapper mapper = ModelBinder.newMapper();
    ValidatorFactory factory = BeanValidation.newFactory(mapper);
    factory.getValidator();
    return new ValidationBootstrap(mapper, factory);
  }

  /**
   * Bootstraps on a daemon thread of its own (done at once if the JVM has bootstrapped before); {@link
   * Background#get()} waits for it.
   */
  public static Background<ValidationBootstrap> startInBackground() {
    return Background.start("kirin-validation-bootstrap", SHARED);
  }
}

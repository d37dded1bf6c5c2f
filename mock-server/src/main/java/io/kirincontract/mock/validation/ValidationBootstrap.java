package io.kirincontract.mock.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kirincontract.mock.util.Background;
import jakarta.validation.ValidatorFactory;

/**
 * The part of request validation that does not depend on the spec: the binding mapper and Hibernate Validator's
 * factory. Its bootstrap is one of the two slow parts of a start (the other is reading the spec), so a server starts
 * it in the background with {@link #startInBackground()} and reads the spec meanwhile.
 */
public final class ValidationBootstrap {

  final ObjectMapper mapper;
  final ValidatorFactory factory;

  private ValidationBootstrap(ObjectMapper mapper, ValidatorFactory factory) {
    this.mapper = mapper;
    this.factory = factory;
  }

  /** Bootstraps on this thread. */
  public static ValidationBootstrap create() {
    ObjectMapper mapper = ModelBinder.newMapper();
    ValidatorFactory factory = BeanValidation.newFactory(mapper);
    factory.getValidator();
    return new ValidationBootstrap(mapper, factory);
  }

  /** Bootstraps on a daemon thread of its own; {@link Background#get()} waits for it. */
  public static Background<ValidationBootstrap> startInBackground() {
    return Background.start("kirin-validation-bootstrap", ValidationBootstrap::create);
  }
}

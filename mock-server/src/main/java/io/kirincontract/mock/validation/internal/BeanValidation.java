package io.kirincontract.mock.validation.internal;

import io.kirincontract.mock.problems.Problem;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Hibernate Validator over the generated request models: every per-field limit ({@code minLength}/{@code maxLength},
 * {@code minItems}/{@code maxItems}, {@code pattern}, {@code minimum}/{@code maximum}) becomes a problem with the
 * spec's code, the JSON path and the derived rule id. {@code required} is not among them: the JSON check before
 * binding judges it ({@link JsonTypeCheck}), on the JSON as sent, and this factory's {@code @NotNull} never fails, so
 * that no missing field is reported twice.
 */
final class BeanValidation {

  private final Validator validator;
  private final FieldProblems fieldProblems;

  BeanValidation(ValidatorFactory factory, FieldProblems fieldProblems) {
    this.fieldProblems = fieldProblems;
    this.validator = factory.getValidator();
  }

  /**
   * Hibernate Validator's factory for the generated request classes, with property names as in JSON (read from
   * {@code mapper}) and sizes counted in code points. Takes about a second of class loading: {@link
   * ValidationBootstrap} runs it beside the spec's parsing.
   */
  static ValidatorFactory newFactory(ObjectMapper mapper) {
    HibernateValidatorConfiguration configuration =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .propertyNodeNameProvider(new JacksonPropertyNodeNameProvider(mapper))
            .messageInterpolator(new ParameterMessageInterpolator())
            .failFast(false);
    ConstraintMapping sizes = configuration.createConstraintMapping();
    sizes
        .constraintDefinition(Size.class)
        .includeExistingValidators(false)
        .validatedBy(CodePointSize.OfText.class)
        .validatedBy(CodePointSize.OfUri.class)
        .validatedBy(CodePointSize.OfCollection.class);
    sizes.constraintDefinition(NotNull.class).includeExistingValidators(false).validatedBy(LeftToTheJsonCheck.class);
    return configuration.addMapping(sizes).buildValidatorFactory();
  }

  /** {@code @NotNull} ({@code required}) is judged on the JSON before binding, never here. */
  public static final class LeftToTheJsonCheck implements ConstraintValidator<NotNull, Object> {
    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
      return true;
    }
  }

  List<Problem> validate(String modelId, Object request) {
    List<Problem> problems = new ArrayList<>();
    for (ConstraintViolation<Object> violation : validator.validate(request)) {
      String param = param(violation.getPropertyPath());
      Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
      Object value = violation.getInvalidValue();
      String keyword = keyword(constraint, value);
      problems.add(fieldProblems.problem(modelId, param, keyword, message(param, keyword, constraint, value)));
    }
    return problems;
  }

  /** {@code multiPrompt[1].prompt} in JSON names: {@code multi_prompt[1].prompt}. */
  static String param(Path path) {
    StringBuilder param = new StringBuilder();
    for (Path.Node node : path) {
      if (node.isInIterable() && node.getIndex() != null) {
        param.append('[').append(node.getIndex()).append(']');
      }
      if (node.getName() != null && node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
        if (!param.isEmpty()) {
          param.append('.');
        }
        param.append(node.getName());
      }
    }
    return param.toString();
  }

  private static String keyword(Annotation constraint, Object value) {
    if (constraint instanceof Size size) {
      boolean tooShort = length(value) < size.min();
      if (value instanceof Collection<?>) {
        return tooShort ? "minItems" : "maxItems";
      }
      return tooShort ? "minLength" : "maxLength";
    }
    if (constraint instanceof Pattern) {
      return "pattern";
    }
    if (constraint instanceof Min || constraint instanceof DecimalMin) {
      return "minimum";
    }
    if (constraint instanceof Max || constraint instanceof DecimalMax) {
      return "maximum";
    }
    return constraint.annotationType().getSimpleName();
  }

  private static long length(Object value) {
    if (value instanceof Collection<?> collection) {
      return collection.size();
    }
    if (value instanceof URI uri) {
      return CodePointSize.length(uri.toString());
    }
    return value instanceof CharSequence text ? CodePointSize.length(text) : 0;
  }

  private static String message(String param, String keyword, Annotation constraint, Object value) {
    return switch (keyword) {
      case "minLength" -> {
        Size size = (Size) constraint;
        yield size.min() == 1
            ? param + " must not be empty" + range(size, "characters")
            : param + " must be at least " + size.min() + " characters (got " + length(value) + ")";
      }
      case "maxLength" ->
          param + " must be at most " + ((Size) constraint).max() + " characters (got " + length(value) + ")";
      case "minItems" ->
          param + " must hold at least " + ((Size) constraint).min() + " item(s) (got " + length(value) + ")";
      case "maxItems" ->
          param + " must hold at most " + ((Size) constraint).max() + " item(s) (got " + length(value) + ")";
      case "pattern" ->
          param + " must match " + ((Pattern) constraint).regexp() + ", not \"" + value + "\"";
      default -> param + " is invalid (" + keyword + ")";
    };
  }

  private static String range(Size size, String unit) {
    return size.max() == Integer.MAX_VALUE ? "" : " (" + size.min() + " to " + size.max() + " " + unit + ")";
  }
}

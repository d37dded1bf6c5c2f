package io.kirincontract.mock.validation.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Collection;

/**
 * {@code @Size} as the spec means it: string lengths count Unicode code points (an emoji is one character, not
 * two UTF-16 units), URIs are measured by their text, collections by their size.
 */
final class CodePointSize {

  private CodePointSize() {}

  static boolean within(Size size, long length) {
    return length >= size.min() && length <= size.max();
  }

  /** Length of a text in code points. */
  static int length(CharSequence text) {
    return Character.codePointCount(text, 0, text.length());
  }

  /** For strings. */
  public static final class OfText implements ConstraintValidator<Size, CharSequence> {
    private Size size;

    @Override
    public void initialize(Size annotation) {
      this.size = annotation;
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      return value == null || within(size, length(value));
    }
  }

  /** For {@code format: uri} strings, which bind to {@link URI}. */
  public static final class OfUri implements ConstraintValidator<Size, URI> {
    private Size size;

    @Override
    public void initialize(Size annotation) {
      this.size = annotation;
    }

    @Override
    public boolean isValid(URI value, ConstraintValidatorContext context) {
      return value == null || within(size, length(value.toString()));
    }
  }

  /** For arrays. */
  public static final class OfCollection implements ConstraintValidator<Size, Collection<?>> {
    private Size size;

    @Override
    public void initialize(Size annotation) {
      this.size = annotation;
    }

    @Override
    public boolean isValid(Collection<?> value, ConstraintValidatorContext context) {
      return value == null || within(size, value.size());
    }
  }
}

package io.kirincontract.spec.catalogue;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/** A JSON Schema limit keyword the catalogue lists, and how to read it from a schema. */
record Limit(String keyword, Function<Schema<?>, Object> reader) {

  /** The limits that are per-field rules, in the order the mock reports them. */
  static final List<Limit> ALL =
      List.of(
          new Limit("minLength", Schema::getMinLength),
          new Limit("maxLength", Schema::getMaxLength),
          new Limit("minItems", Schema::getMinItems),
          new Limit("maxItems", Schema::getMaxItems),
          new Limit("pattern", Schema::getPattern),
          new Limit("minimum", schema -> plain(schema.getMinimum())),
          new Limit("maximum", schema -> plain(schema.getMaximum())));

  Object value(Schema<?> schema) {
    return reader.apply(schema);
  }

  private static String plain(BigDecimal number) {
    return number == null ? null : number.toPlainString();
  }
}

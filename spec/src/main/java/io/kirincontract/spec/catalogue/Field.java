package io.kirincontract.spec.catalogue;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * One property of a model's request schema, top level or nested.
 *
 * @param name how the catalogue shows it: {@code multi_prompt[].duration}, {@code watermark_info.enabled}
 * @param path the dotted JSON path {@code KirinSpec} takes, without indexes: {@code multi_prompt.duration}
 * @param declared the property's schema as written (possibly a {@code $ref})
 * @param schema the property's schema with references followed
 * @param required whether the enclosing object lists it in {@code required}
 */
record Field(String name, String path, Schema<?> declared, Schema<?> schema, boolean required) {

  /**
   * The JSON Schema keywords a value of this field can break, in the order the mock reports them: each gives one
   * derived rule id. A {@code format} counts only on strings; on integers ({@code int32}, {@code int64}) it is part
   * of the {@code type} check.
   */
  List<String> keywords() {
    List<String> keywords = new ArrayList<>();
    if (required) {
      keywords.add("required");
    }
    if (schema.getType() != null) {
      keywords.add("type");
    }
    if (schema.getFormat() != null && "string".equals(schema.getType())) {
      keywords.add("format");
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      keywords.add("enum");
    }
    Limit.ALL.stream().filter(limit -> limit.value(schema) != null).map(Limit::keyword).forEach(keywords::add);
    return keywords;
  }

  /** The name of the component schema a {@code $ref} points at, or {@code null}. */
  static String refName(Schema<?> schema) {
    String ref = schema == null ? null : schema.get$ref();
    return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
  }
}

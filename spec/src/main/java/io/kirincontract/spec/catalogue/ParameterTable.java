package io.kirincontract.spec.catalogue;

import static io.kirincontract.spec.catalogue.Markdown.code;
import static io.kirincontract.spec.catalogue.Markdown.lines;

import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.RuleDef;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;

/** The parameter table of one model: one row per property of its request schema. */
final class ParameterTable {

  private final KirinSpec spec;

  ParameterTable(KirinSpec spec) {
    this.spec = spec;
  }

  String render(String modelId, List<Field> fields, List<RuleDef> rules) {
    Markdown.Table table =
        new Markdown.Table(
            "parameter",
            "type",
            "required",
            "values",
            "default",
            "limits",
            "per-field rule ids",
            "error code per keyword",
            "cross-field rules",
            "description");
    for (Field field : fields) {
      List<String> keywords = field.keywords();
      table.row(
          code(field.name()),
          type(field),
          field.required() ? "yes" : "no",
          String.join(", ", values(field.schema())),
          code(field.schema().getDefault()),
          lines(limits(field.schema())),
          lines(keywords.stream().map(keyword -> code(spec.fieldRuleId(modelId, field.path(), keyword))).toList()),
          lines(
              keywords.stream()
                  .map(keyword -> keyword + ": " + code(spec.fieldCode(modelId, field.path(), keyword)))
                  .toList()),
          lines(rules.stream().filter(rule -> rule.params().contains(field.path())).map(r -> code(r.id())).toList()),
          Markdown.text(description(field)));
    }
    return table.render();
  }

  private String type(Field field) {
    Schema<?> schema = field.schema();
    if ("array".equals(schema.getType()) && schema.getItems() != null) {
      return "array of " + named(spec.resolve(schema.getItems()).getType(), Field.refName(schema.getItems()));
    }
    return named(schema.getType(), Field.refName(field.declared()));
  }

  private static String named(String type, String schemaName) {
    String shown = type == null ? "any" : type;
    return schemaName == null ? shown : shown + " (" + schemaName + ")";
  }

  private static List<String> values(Schema<?> schema) {
    return schema.getEnum() == null ? List.of() : schema.getEnum().stream().map(Markdown::code).toList();
  }

  private static List<String> limits(Schema<?> schema) {
    List<String> limits = new ArrayList<>();
    if (schema.getFormat() != null) {
      limits.add("format: " + code(schema.getFormat()));
    }
    for (Limit limit : Limit.ALL) {
      Object value = limit.value(schema);
      if (value != null) {
        limits.add(limit.keyword() + ": " + code(value));
      }
    }
    return limits;
  }

  private static String description(Field field) {
    String declared = field.declared().getDescription();
    return declared != null ? declared : field.schema().getDescription();
  }
}

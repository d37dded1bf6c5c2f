package io.kirincontract.spec.evolution;

import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedList;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.model.schema.ChangedOneOfSchema;

/**
 * Names each change openapi-diff found in one schema of a request or a response: the field (dotted JSON path,
 * {@code []} for array items), what changed, whether it breaks clients (openapi-diff's judgement, which knows
 * whether the schema is read or written by the client) and what a client must do.
 */
final class SchemaChanges {

  private final List<ContractChange> out;

  SchemaChanges(List<ContractChange> out) {
    this.out = out;
  }

  /** The changes of {@code schema} (and everything under it) at {@code where}. */
  void walk(String where, String field, ChangedSchema schema) {
    if (schema == null || schema.isUnchanged()) {
      return;
    }
    boolean request = schema.getContext() == null || schema.getContext().isRequest();
    int before = out.size();
    typeAndFormat(where, field, schema, request);
    enumeration(where, field, schema.getEnumeration(), request);
    required(where, field, schema, request);
    properties(where, field, schema, request);
    limits(where, field, schema, request);
    if (request && schema.isChangeDefault()) {
      Object was = schema.getOldSchema() == null ? null : schema.getOldSchema().getDefault();
      Object is = schema.getNewSchema() == null ? null : schema.getNewSchema().getDefault();
      // a default given where there was none documents what the server does; changing one changes what it does
      add(was == null ? Compatibility.COMPATIBLE : Compatibility.BREAKING, where, field,
          "default changed from " + show(was) + " to " + show(is),
          was == null ? "nothing" : "send " + name(field) + " = " + show(was) + " explicitly to keep the old behaviour");
    }
    oneOf(where, field, schema.getOneOfSchema());
    walk(where, field.isEmpty() ? "[]" : field + "[]", schema.getItems());
    walk(where, join(field, "(additional properties)"), schema.getAddProp());
    if (out.size() == before && schema.isCoreChanged().isDifferent() && !schema.isCoreChanged().isMetaChanged()) {
      add(of(schema.isCoreChanged()), where, field, "schema changed (" + schema.isCoreChanged().getValue() + ")",
          "read the new schema of " + name(field));
    }
  }

  private void typeAndFormat(String where, String field, ChangedSchema schema, boolean request) {
    if (schema.isChangedType()) {
      String was = type(schema.getOldSchema());
      String is = type(schema.getNewSchema());
      add(Compatibility.BREAKING, where, field, "type changed from " + was + " to " + is,
          (request ? "send " : "read ") + name(field) + " as " + is);
    }
    if (schema.isChangeFormat()) {
      String was = schema.getOldSchema() == null ? null : schema.getOldSchema().getFormat();
      String is = schema.getNewSchema() == null ? null : schema.getNewSchema().getFormat();
      add(Compatibility.BREAKING, where, field, "format changed from " + show(was) + " to " + show(is),
          (request ? "send " : "read ") + name(field) + " in the new format");
    }
  }

  private void enumeration(String where, String field, ChangedList<?> values, boolean request) {
    if (values == null || values.isUnchanged()) {
      return;
    }
    Compatibility compatibility = of(values.isChanged());
    if (!values.getMissing().isEmpty()) {
      add(request ? compatibility : Compatibility.COMPATIBLE, where, field,
          "enum value" + plural(values.getMissing()) + " " + list(values.getMissing()) + " removed",
          request ? "stop sending " + list(values.getMissing()) + "; send one of " + list(values.getNewValue())
              : "nothing: " + list(values.getMissing()) + " no longer comes");
    }
    if (!values.getIncreased().isEmpty()) {
      add(request ? Compatibility.COMPATIBLE : compatibility, where, field,
          "enum value" + plural(values.getIncreased()) + " " + list(values.getIncreased()) + " added",
          request ? "nothing; " + list(values.getIncreased()) + " can now be sent"
              : "handle " + list(values.getIncreased()) + " where " + name(field) + " is read");
    }
  }

  private void required(String where, String field, ChangedSchema schema, boolean request) {
    ChangedList<String> required = schema.getRequired();
    if (required == null || required.isUnchanged()) {
      return;
    }
    Compatibility compatibility = of(required.isChanged());
    for (String name : required.getIncreased()) {
      if (schema.getIncreasedProperties().containsKey(name)) {
        continue; // reported as a new required field
      }
      add(request ? compatibility : Compatibility.COMPATIBLE, where, join(field, name),
          "optional field made required",
          request ? "always send " + join(field, name) : "nothing: " + join(field, name) + " is always there now");
    }
    for (String name : required.getMissing()) {
      if (schema.getMissingProperties().containsKey(name)) {
        continue; // reported as a removed field
      }
      add(request ? Compatibility.COMPATIBLE : compatibility, where, join(field, name),
          "required field made optional",
          request ? "nothing; " + join(field, name) + " may now be left out"
              : "treat " + join(field, name) + " as optional: it may be absent");
    }
  }

  private void properties(String where, String field, ChangedSchema schema, boolean request) {
    List<String> newRequired = requiredOf(schema.getNewSchema());
    schema.getIncreasedProperties().forEach((name, property) -> {
      boolean mandatory = request && newRequired.contains(name);
      add(mandatory ? Compatibility.BREAKING : Compatibility.COMPATIBLE, where, join(field, name),
          (mandatory ? "required" : "optional") + " field added (" + type(property) + ")",
          mandatory ? "always send " + join(field, name)
              : request ? "nothing; " + join(field, name) + " can now be sent" : "nothing; it can be read");
    });
    Compatibility removal = request ? Compatibility.COMPATIBLE : Compatibility.BREAKING;
    schema.getMissingProperties().forEach((name, property) ->
        add(removal, where, join(field, name), "field removed",
            request ? "stop sending " + join(field, name) + " (the server no longer reads it)"
                : "stop reading " + join(field, name) + ": it no longer comes"));
    schema.getChangedProperties().forEach((name, property) -> walk(where, join(field, name), property));
  }

  private void limits(String where, String field, ChangedSchema schema, boolean request) {
    String subject = (request ? "keep " : "accept values of ") + name(field) + " within the new limit";
    limit(where, field, "maxLength", schema.getMaxLength(), c -> c.getOldValue(), c -> c.getNewValue(), subject);
    limit(where, field, "minLength", schema.getMinLength(), c -> c.getOldValue(), c -> c.getNewValue(), subject);
    limit(where, field, "maxItems", schema.getMaxItems(), c -> c.getOldValue(), c -> c.getNewValue(), subject);
    limit(where, field, "minItems", schema.getMinItems(), c -> c.getOldValue(), c -> c.getNewValue(), subject);
    limit(where, field, "range", schema.getNumericRange(),
        c -> range(c.getOldMinimumValue(), c.getOldMaximumValue()),
        c -> range(c.getNewMinimumValue(), c.getNewMaximumValue()), subject);
    limit(where, field, "pattern", schema.getPattern(), c -> c.getOldPattern(), c -> c.getNewPattern(),
        "make " + name(field) + " match the new pattern");
    flag(where, field, "nullable", schema.getNullable());
    flag(where, field, "readOnly", schema.getReadOnly());
    flag(where, field, "writeOnly", schema.getWriteOnly());
    flag(where, field, "uniqueItems", schema.getUniqueItems());
    flag(where, field, "multipleOf", schema.getMultipleOf());
    flag(where, field, "maxProperties", schema.getMaxProperties());
    flag(where, field, "minProperties", schema.getMinProperties());
  }

  private <C extends Changed> void limit(String where, String field, String keyword, C change,
      Function<C, Object> was, Function<C, Object> is, String action) {
    if (change == null || !change.isDifferent()) {
      return;
    }
    add(of(change.isChanged()), where, field,
        keyword + " changed from " + show(was.apply(change)) + " to " + show(is.apply(change)),
        change.isIncompatible() ? action + " (" + keyword + " " + show(is.apply(change)) + ")" : "nothing");
  }

  private void flag(String where, String field, String keyword, Changed change) {
    if (change != null && change.isDifferent()) {
      add(of(change.isChanged()), where, field, keyword + " changed",
          change.isIncompatible() ? "follow the new " + keyword + " of " + name(field) : "nothing");
    }
  }

  private void oneOf(String where, String field, ChangedOneOfSchema oneOf) {
    if (oneOf == null || oneOf.isUnchanged()) {
      return;
    }
    boolean request = oneOf.getContext() == null || oneOf.getContext().isRequest();
    oneOf.getIncreased().keySet().forEach(variant ->
        add(request ? Compatibility.COMPATIBLE : Compatibility.BREAKING, where, join(field, variant),
            "variant " + variant + " added",
            request ? "nothing; " + variant + " can now be sent" : "handle the new variant " + variant));
    oneOf.getMissing().keySet().forEach(variant ->
        add(request ? Compatibility.BREAKING : Compatibility.COMPATIBLE, where, join(field, variant),
            "variant " + variant + " removed",
            request ? "stop sending " + variant + " requests" : "nothing: " + variant + " no longer comes"));
    oneOf.getChanged().forEach((variant, changed) -> walk(where + " (" + variant + ")", field, changed));
  }

  private void add(Compatibility compatibility, String where, String field, String what, String action) {
    out.add(new ContractChange(compatibility, where, field, what, action));
  }

  /** openapi-diff's verdict; a change it cannot judge ({@code unknown}) counts as breaking. */
  static Compatibility of(DiffResult result) {
    return result.getWeight() > DiffResult.COMPATIBLE.getWeight() ? Compatibility.BREAKING : Compatibility.COMPATIBLE;
  }

  private static List<String> requiredOf(Schema<?> schema) {
    return schema == null || schema.getRequired() == null ? List.of() : schema.getRequired();
  }

  private static String type(Schema<?> schema) {
    if (schema == null) {
      return "none";
    }
    if (schema.get$ref() != null) {
      return schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
    }
    return Objects.requireNonNullElse(schema.getType(), "any");
  }

  private static String join(String field, String name) {
    return field.isEmpty() ? name : field + "." + name;
  }

  private static String name(String field) {
    return field.isEmpty() ? "the body" : field;
  }

  private static Bounds range(Object min, Object max) {
    return new Bounds(min, max);
  }

  /** A numeric range as {@code [min, max]}, an open end left empty. */
  private record Bounds(Object min, Object max) {
    @Override
    public String toString() {
      return "[" + (min == null ? "" : min) + ", " + (max == null ? "" : max) + "]";
    }
  }

  private static String plural(List<?> values) {
    return values.size() == 1 ? "" : "s";
  }

  static String list(List<?> values) {
    return values.stream().map(SchemaChanges::show).collect(Collectors.joining(", "));
  }

  static String show(Object value) {
    return value == null ? "none" : value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }
}

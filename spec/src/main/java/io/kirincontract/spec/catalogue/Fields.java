package io.kirincontract.spec.catalogue;

import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.KirinSpecException;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every property of a model's request schema, depth first in the spec's order, nested ones after their parent. */
final class Fields {

  private static final int MAX_DEPTH = 8;

  private final KirinSpec spec;

  Fields(KirinSpec spec) {
    this.spec = spec;
  }

  List<Field> of(String modelId) {
    List<Field> fields = new ArrayList<>();
    addProperties(spec.resolve(spec.requestSchema(modelId)), "", "", 0, fields);
    return fields;
  }

  @SuppressWarnings("rawtypes")
  private void addProperties(Schema<?> container, String namePrefix, String pathPrefix, int depth, List<Field> out) {
    Map<String, Schema> properties = container.getProperties();
    if (properties == null) {
      return;
    }
    if (depth > MAX_DEPTH) {
      throw new KirinSpecException("request properties nest deeper than " + MAX_DEPTH + " at " + pathPrefix);
    }
    List<String> required = container.getRequired() == null ? List.of() : container.getRequired();
    properties.forEach(
        (key, declared) -> {
          Schema<?> schema = spec.resolve(declared);
          Field field = new Field(namePrefix + key, pathPrefix + key, declared, schema, required.contains(key));
          out.add(field);
          if (schema.getProperties() != null) {
            addProperties(schema, field.name() + ".", field.path() + ".", depth + 1, out);
          } else if (schema.getItems() != null) {
            addProperties(spec.resolve(schema.getItems()), field.name() + "[].", field.path() + ".", depth + 1, out);
          }
        });
  }
}

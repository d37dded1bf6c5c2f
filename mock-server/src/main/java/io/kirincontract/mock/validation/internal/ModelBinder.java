package io.kirincontract.mock.validation.internal;

import io.kirincontract.mock.problems.internal.JsonPaths;
import io.kirincontract.mock.problems.Problem;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a request tree to its generated model class with a strict mapper: no scalar coercion, unknown properties
 * ignored. The tree holds only fields whose shape the JSON check passed ({@code type}, {@code enum}, {@code
 * required}: {@link JsonTypeCheck}), so binding finds nothing; a shape that check does not foresee is reported as a
 * problem rather than failing the request.
 */
final class ModelBinder {

  /** The bound object and the problems found while binding. */
  record Bound(Object value, List<Problem> problems) {}

  private final ObjectMapper mapper;
  private final FieldProblems fieldProblems;

  ModelBinder(ObjectMapper mapper, FieldProblems fieldProblems) {
    this.fieldProblems = fieldProblems;
    this.mapper = mapper;
  }

  /** The mapper the generated request classes are read with (strict: no coercion of scalars). */
  static ObjectMapper newMapper() {
    ObjectMapper mapper =
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .annotationIntrospector(new RequiredLeftToValidation())
            .build();
    mapper.coercionConfigDefaults()
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    return mapper;
  }

  /** The mapper the generated classes are read with; its names are the JSON names. */
  ObjectMapper mapper() {
    return mapper;
  }

  Bound bind(String modelId, JsonNode tree, Class<?> type) {
    try {
      return new Bound(mapper.readerFor(type).readValue(tree), List.of());
    } catch (IOException e) {
      // The JSON check runs first, so this is a shape the check did not foresee: report it, never fail.
      List<Problem> problems = new ArrayList<>();
      String path = e instanceof JsonMappingException mapping ? path(mapping) : "";
      String param = path.isEmpty() ? null : path;
      String message =
          (param == null ? "the request" : param) + " has the wrong shape: " + firstLine(e.getMessage());
      problems.add(
          param == null
              ? new Problem("invalid_parameter", message, null, null)
              : fieldProblems.problem(modelId, param, "type", message));
      return new Bound(null, problems);
    }
  }

  private static String path(JsonMappingException e) {
    String path = "";
    for (JsonMappingException.Reference ref : e.getPath()) {
      path = ref.getFieldName() != null ? JsonPaths.child(path, ref.getFieldName()) : JsonPaths.index(path, ref.getIndex());
    }
    return path;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable value";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** Leaves {@code required} to the JSON check, which reports every missing field, with its path. */
  private static final class RequiredLeftToValidation extends JacksonAnnotationIntrospector {
    @Override
    public Boolean hasRequiredMarker(AnnotatedMember member) {
      return Boolean.FALSE;
    }
  }
}

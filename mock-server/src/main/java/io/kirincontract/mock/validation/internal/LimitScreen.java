package io.kirincontract.mock.validation.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells, from the request tree alone, that binding it to its generated model class and running Hibernate Validator
 * over the result would find nothing, so that a request within its limits skips both (they were a fifth of a valid
 * create's CPU). Built once per model class from Hibernate Validator's own metadata ({@code @Size}, {@code
 * @Pattern}) and Jackson's view of the class (JSON names, property types), so it judges exactly what they would.
 *
 * <p>It only ever answers "nothing to find" or "not sure": a value outside a limit, a shape binding could refuse, a
 * {@code null}, or a constraint or type it does not model all give "not sure", and the request goes through binding
 * and Hibernate Validator as before, which word the problems. So no answer changes; {@code LimitScreenTest} checks
 * it against both on requests at and beyond every limit.
 */
final class LimitScreen {

  private final ObjectMapper mapper;
  private final Validator validator;
  private final Map<Class<?>, Shape> beans = new HashMap<>();

  LimitScreen(ObjectMapper mapper, Validator validator, Iterable<Class<?>> modelClasses) {
    this.mapper = mapper;
    this.validator = validator;
    for (Class<?> type : modelClasses) {
      shapeOf(mapper.constructType(type));
    }
  }

  /** True when binding {@code tree} to {@code type} succeeds and Hibernate Validator finds no violation in it. */
  boolean clean(JsonNode tree, Class<?> type) {
    Shape shape = beans.get(type);
    return shape != null && shape.clean(tree);
  }

  /** What a JSON value must look like for binding and the constraints to pass. */
  private interface Shape {
    boolean clean(JsonNode value);
  }

  private static final Shape UNSURE = value -> false;

  private Shape shapeOf(JavaType type) {
    Class<?> raw = type.getRawClass();
    if (raw == String.class) {
      return JsonNode::isTextual;
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return JsonNode::isBoolean;
    }
    if (raw == Integer.class || raw == int.class) {
      return value -> value.isIntegralNumber() && value.canConvertToInt();
    }
    if (raw == Long.class || raw == long.class) {
      return value -> value.isIntegralNumber() && value.canConvertToLong();
    }
    if (raw == BigDecimal.class || raw == Double.class || raw == double.class) {
      // integers are not coerced to these (the mapper refuses it), so only a number with a fraction binds
      return JsonNode::isFloatingPointNumber;
    }
    if (raw == URI.class) {
      return LimitScreen::isUri;
    }
    if (raw.isEnum()) {
      return enumShape(raw);
    }
    if (type.isCollectionLikeType() && List.class.isAssignableFrom(raw)) {
      Shape items = shapeOf(type.getContentType());
      return value -> {
        if (!value.isArray()) {
          return false;
        }
        for (JsonNode item : value) {
          if (!items.clean(item)) {
            return false;
          }
        }
        return true;
      };
    }
    if (raw.getName().startsWith(RequestValidator.MODEL_PACKAGE)) {
      return beanShape(raw);
    }
    return UNSURE;
  }

  private static boolean isUri(JsonNode value) {
    if (!value.isTextual() || value.textValue().isEmpty()) {
      return false;
    }
    try {
      new URI(value.textValue());
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private Shape enumShape(Class<?> type) {
    Set<String> values = new HashSet<>();
    for (Object constant : type.getEnumConstants()) {
      JsonNode written = mapper.valueToTree(constant);
      if (!written.isTextual()) {
        return UNSURE;
      }
      values.add(written.textValue());
    }
    values.remove("");
    return value -> value.isTextual() && values.contains(value.textValue());
  }

  private Shape beanShape(Class<?> type) {
    Shape known = beans.get(type);
    if (known != null) {
      return known;
    }
    Map<String, Shape> properties = new HashMap<>();
    // the bean's own entry first, so that a class that contains itself ends rather than recursing
    Shape bean =
        value -> {
          if (!value.isObject()) {
            return false;
          }
          for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Shape property = properties.get(field.getKey());
            // a property the class does not have is ignored by binding; null is left to the slow path
            if (field.getValue().isNull() || (property != null && !property.clean(field.getValue()))) {
              return false;
            }
          }
          return true;
        };
    beans.put(type, bean);
    if (!buildProperties(type, properties)) {
      beans.put(type, UNSURE);
      return UNSURE;
    }
    return bean;
  }

  /** False when the class has anything this screen does not model. */
  private boolean buildProperties(Class<?> type, Map<String, Shape> properties) {
    BeanDescriptor constraints = validator.getConstraintsForClass(type);
    if (!constraints.getConstraintDescriptors().isEmpty() || !defaultsPass(type)) {
      return false;
    }
    Map<String, PropertyDescriptor> constrained = new HashMap<>();
    for (PropertyDescriptor property : constraints.getConstrainedProperties()) {
      constrained.put(property.getPropertyName(), property);
    }
    BeanDescription description = mapper.getDeserializationConfig().introspect(mapper.constructType(type));
    for (BeanPropertyDefinition definition : description.findProperties()) {
      Shape shape = shapeOf(definition.getPrimaryType());
      PropertyDescriptor property = constrained.get(definition.getInternalName());
      if (property != null) {
        shape = limited(shape, property, definition.getPrimaryType().getRawClass());
      }
      properties.put(definition.getName(), shape);
    }
    // a constrained property Jackson cannot set keeps its default, which defaultsPass has judged
    return true;
  }

  /** The class as bound from {@code {}}: its defaults must pass, since an absent property keeps its default. */
  private boolean defaultsPass(Class<?> type) {
    try {
      Object empty = mapper.readerFor(type).readValue("{}");
      return empty != null && validator.validate(empty).isEmpty();
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }

  private Shape limited(Shape shape, PropertyDescriptor property, Class<?> raw) {
    for (ContainerElementTypeDescriptor element : property.getConstrainedContainerElementTypes()) {
      if (!onlyNotNull(element.getConstraintDescriptors())) {
        return UNSURE;
      }
    }
    List<Shape> limits = new ArrayList<>();
    for (ConstraintDescriptor<?> descriptor : property.getConstraintDescriptors()) {
      if (!descriptor.getComposingConstraints().isEmpty()) {
        return UNSURE;
      }
      Annotation annotation = descriptor.getAnnotation();
      if (annotation instanceof NotNull) {
        continue; // never fails: required is the JSON check's
      }
      if (annotation instanceof Size size) {
        limits.add(sizeLimit(size, raw));
      } else if (annotation instanceof Pattern pattern && raw == String.class) {
        int flags = 0;
        for (Pattern.Flag flag : pattern.flags()) {
          flags |= flag.getValue();
        }
        java.util.regex.Pattern regex = java.util.regex.Pattern.compile(pattern.regexp(), flags);
        limits.add(value -> regex.matcher(value.textValue()).matches());
      } else {
        return UNSURE;
      }
    }
    return value -> {
      if (!shape.clean(value)) {
        return false;
      }
      for (Shape limit : limits) {
        if (!limit.clean(value)) {
          return false;
        }
      }
      return true;
    };
  }

  private static boolean onlyNotNull(Set<ConstraintDescriptor<?>> descriptors) {
    return descriptors.stream().allMatch(descriptor -> descriptor.getAnnotation() instanceof NotNull);
  }

  /** {@code @Size} as {@link CodePointSize} judges it: code points of a text or a URI's text, items of a list. */
  private static Shape sizeLimit(Size size, Class<?> raw) {
    if (raw == String.class || raw == URI.class) {
      return value -> {
        String text = value.textValue();
        // code points lie between half the chars and the chars: count them only near a bound (a 1 MB image is not)
        if (text.length() <= size.max() && (text.length() + 1) / 2 >= size.min()) {
          return true;
        }
        return CodePointSize.within(size, CodePointSize.length(text));
      };
    }
    if (List.class.isAssignableFrom(raw)) {
      return value -> CodePointSize.within(size, value.size());
    }
    return UNSURE;
  }
}

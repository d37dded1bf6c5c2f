package io.kirincontract.client.requests;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.kirincontract.client.invoker.ApiClient;
import io.kirincontract.client.model.KirinV21MasterI2vRequest;
import io.kirincontract.client.model.KirinV2MasterT2vRequest;
import io.kirincontract.client.model.KirinV3I2vRequest;
import io.kirincontract.client.model.KirinV3T2vRequest;
import io.kirincontract.client.model.KirinVideoO1Request;
import io.kirincontract.client.model.VideoGenerationRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a {@link VideoGenerationRequest} as the JSON that goes on the wire: the generated request class
 * serialized with the generated mapper, then
 *
 * <ul>
 *   <li>every {@code null} left out, at every depth (the generated classes write required properties even
 *       when {@code null}, such as {@code "model": null});
 *   <li>{@code model} set to the id of the request class, always first (the generated classes leave it to
 *       you).
 * </ul>
 *
 * <p>With the typed builders of this package, whose requests hold {@code null} for everything not set, the
 * result is exactly what was set. A request built directly with the generated classes keeps their spec
 * defaults (for example {@code "mode": "std"}), because nothing can tell them from values chosen on purpose.
 *
 * <p>{@link #install(ObjectMapper)} makes a mapper write every {@link VideoGenerationRequest} this way; the
 * client installs it on the generated {@code ApiClient}'s mapper, so the generated API sends these bodies.
 */
public final class RequestBodies {

  private static final ObjectMapper GENERATED = ApiClient.createDefaultObjectMapper();

  private static final Map<Class<?>, String> MODEL_BY_CLASS =
      Map.of(
          KirinV3T2vRequest.class, KirinV3T2vRequest.ModelEnum.KIRIN_V3_T2V.getValue(),
          KirinVideoO1Request.class, KirinVideoO1Request.ModelEnum.KIRIN_VIDEO_O1.getValue(),
          KirinV3I2vRequest.class, KirinV3I2vRequest.ModelEnum.KIRIN_V3_I2V.getValue(),
          KirinV2MasterT2vRequest.class, KirinV2MasterT2vRequest.ModelEnum.KIRIN_V2_MASTER_T2V.getValue(),
          KirinV21MasterI2vRequest.class,
              KirinV21MasterI2vRequest.ModelEnum.KIRIN_V2_1_MASTER_I2V.getValue());

  private RequestBodies() {}

  /** The body as a JSON tree. */
  public static ObjectNode toJsonTree(VideoGenerationRequest request) {
    if (request == null || request.getActualInstance() == null) {
      throw new IllegalArgumentException("the request holds no model request");
    }
    Object instance = request.getActualInstance();
    String model = modelOf(instance);
    ObjectNode written = GENERATED.valueToTree(instance);
    removeNulls(written);
    ObjectNode body = GENERATED.createObjectNode().put("model", model);
    for (Map.Entry<String, JsonNode> property : written.properties()) {
      if (!property.getKey().equals("model")) {
        body.set(property.getKey(), property.getValue());
      }
    }
    return body;
  }

  /** The body as a JSON string. */
  public static String toJson(VideoGenerationRequest request) {
    try {
      return GENERATED.writeValueAsString(toJsonTree(request));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The external id of a request, if it has one: what makes a retried {@code create} safe. */
  public static String externalTaskId(VideoGenerationRequest request) {
    JsonNode id = toJsonTree(request).get("external_task_id");
    return id == null ? null : id.asText();
  }

  /**
   * A copy of {@code request} with {@code external_task_id} set to {@code externalTaskId}; the request given is left
   * as it was. The copy is shallow (nested objects are shared), which is enough since only the id changes.
   */
  public static VideoGenerationRequest withExternalTaskId(VideoGenerationRequest request, String externalTaskId) {
    Object instance = request.getActualInstance();
    modelOf(instance);
    try {
      Object copy = instance.getClass().getDeclaredConstructor().newInstance();
      for (Class<?> type = instance.getClass(); type != Object.class; type = type.getSuperclass()) {
        for (java.lang.reflect.Field field : type.getDeclaredFields()) {
          if (!java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
            field.setAccessible(true);
            field.set(copy, field.get(instance));
          }
        }
      }
      copy.getClass().getMethod("setExternalTaskId", String.class).invoke(copy, externalTaskId);
      VideoGenerationRequest wrapper = new VideoGenerationRequest();
      wrapper.setActualInstance(copy);
      return wrapper;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy " + instance.getClass().getSimpleName() + ": " + e, e);
    }
  }

  /**
   * Makes {@code mapper} write every {@link VideoGenerationRequest} with {@link #toJsonTree}; returns it. (A
   * Jackson mix-in: the generated class names its own serializer, which a module could not override.)
   */
  public static ObjectMapper install(ObjectMapper mapper) {
    return mapper.addMixIn(VideoGenerationRequest.class, ExactRequestMixIn.class);
  }

  private static String modelOf(Object instance) {
    for (Map.Entry<Class<?>, String> entry : MODEL_BY_CLASS.entrySet()) {
      if (entry.getKey().isInstance(instance)) {
        return entry.getValue();
      }
    }
    throw new IllegalArgumentException("not a Kirin model request: " + instance.getClass().getName());
  }

  private static void removeNulls(JsonNode node) {
    if (node.isObject()) {
      Iterator<JsonNode> values = node.elements();
      while (values.hasNext()) {
        JsonNode value = values.next();
        if (value.isNull()) {
          values.remove();
        } else {
          removeNulls(value);
        }
      }
    } else if (node.isArray()) {
      ((ArrayNode) node).forEach(RequestBodies::removeNulls);
    }
  }

  @JsonSerialize(using = ExactRequestSerializer.class)
  private abstract static class ExactRequestMixIn {}

  /** Writes a request as {@link #toJsonTree}. */
  static final class ExactRequestSerializer extends StdSerializer<VideoGenerationRequest> {

    private static final long serialVersionUID = 1L;

    ExactRequestSerializer() {
      super(VideoGenerationRequest.class);
    }

    @Override
    public void serialize(VideoGenerationRequest value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeTree(toJsonTree(value));
    }
  }
}

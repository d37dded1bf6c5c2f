package io.kirincontract.spec;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a request schema's {@code x-kirin-profile} (and its properties' defaults) into a {@link ModelProfile}. */
final class ProfileReader {

  static final String PROFILE = "x-kirin-profile";

  private ProfileReader() {}

  static ModelProfile read(String modelId, Schema<?> request) {
    Map<String, Object> profile = map(extensions(request).get(PROFILE), modelId + " " + PROFILE);
    Map<String, Object> output = map(profile.get("output"), modelId + " output");
    Map<String, String> resolutions = new LinkedHashMap<>();
    map(output.get("resolution"), modelId + " output.resolution").forEach((mode, res) -> resolutions.put(mode, str(res)));
    List<ModelProfile.TaskKind> kinds = new ArrayList<>();
    map(profile.get("task-kinds"), modelId + " task-kinds")
        .forEach(
            (name, value) -> {
              Map<String, Object> kind = value instanceof Map<?, ?> given ? cast(given) : Map.of();
              kinds.add(
                  new ModelProfile.TaskKind(
                      name, strings(kind.get("durations")), "input".equals(String.valueOf(kind.get("duration")))));
            });
    Map<String, Object> prices = map(profile.get("prices"), modelId + " prices");
    Map<String, BigDecimal> perMode = new LinkedHashMap<>();
    prices.forEach((key, price) -> {
      if (!key.equals("sound")) {
        perMode.put(key, new BigDecimal(str(price)));
      }
    });
    Map<String, Object> media = profile.get("media") == null ? Map.of() : map(profile.get("media"), modelId + " media");
    Map<String, Schema> properties = request.getProperties() == null ? Map.of() : request.getProperties();
    Map<String, String> defaults = new LinkedHashMap<>();
    properties.forEach((name, schema) -> {
      if (schema.getDefault() != null) {
        defaults.put(name, String.valueOf(schema.getDefault()));
      }
    });
    return new ModelProfile(
        modelId,
        new ModelProfile.Output(
            Integer.parseInt(str(output.get("fps"))), resolutions, str(output.get("aspect-ratio"))),
        kinds,
        new ModelProfile.Prices(perMode, new BigDecimal(prices.getOrDefault("sound", "0").toString())),
        strings(media.get("images")),
        strings(media.get("videos")),
        properties.keySet(),
        defaults);
  }

  private static Map<String, Object> extensions(Schema<?> schema) {
    return schema.getExtensions() == null ? Map.of() : schema.getExtensions();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String what) {
    if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
      throw new KirinSpecException(what + " is missing or not a map");
    }
    return (Map<String, Object>) map;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  private static String str(Object value) {
    if (value == null) {
      throw new KirinSpecException("a profile value is missing");
    }
    return value.toString();
  }

  private static List<String> strings(Object value) {
    return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }
}

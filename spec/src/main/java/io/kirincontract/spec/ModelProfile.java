package io.kirincontract.spec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every per-model fact of one model, read once from its request schema: the {@code x-kirin-profile} extension
 * (output, task kinds, prices, media inputs) and the schema's own properties and defaults. Immutable.
 *
 * @param modelId the request's {@code model} value
 * @param output what the model produces
 * @param taskKinds the generation types the model knows, in the order they are told apart (see {@link TaskKind})
 * @param prices USD per second of output, by mode, and the surcharge per second with sound on
 * @param images the request fields that hold images (dotted paths; fields under one list are alternatives per entry)
 * @param videos the request fields that hold videos
 * @param params the request's top-level parameters
 * @param defaults the schema's default values, by top-level parameter
 */
public record ModelProfile(
    String modelId,
    Output output,
    List<TaskKind> taskKinds,
    Prices prices,
    List<String> images,
    List<String> videos,
    Set<String> params,
    Map<String, String> defaults) {

  public ModelProfile {
    taskKinds = List.copyOf(taskKinds);
    images = List.copyOf(images);
    videos = List.copyOf(videos);
    params = Set.copyOf(params);
    defaults = Map.copyOf(defaults);
  }

  /** Whether the request schema has this top-level parameter. */
  public boolean has(String param) {
    return params.contains(param);
  }

  /** The schema's default of a top-level parameter. */
  public Optional<String> defaultOf(String param) {
    return Optional.ofNullable(defaults.get(param));
  }

  /** The mode of a request that names none: the schema's default, else the model's only mode. */
  public String defaultMode() {
    return defaultOf("mode").orElseGet(() -> output.resolutions().keySet().iterator().next());
  }

  public Optional<TaskKind> taskKind(String name) {
    return taskKinds.stream().filter(kind -> kind.name().equals(name)).findFirst();
  }

  /**
   * What the model outputs.
   *
   * @param fps frames per second of every output
   * @param resolutions the output resolution ({@code 720p}) by mode, in the spec's order
   * @param aspectRatio the aspect ratio when a request gives none and its output follows no input
   */
  public record Output(int fps, Map<String, String> resolutions, String aspectRatio) {

    public Output {
      resolutions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(resolutions));
    }

    /** The short side in pixels of the output in a mode ({@code 720}); an unknown mode takes the first one. */
    public int shortSide(String mode) {
      String resolution = resolutions.getOrDefault(mode, resolutions.values().iterator().next());
      return Integer.parseInt(resolution.substring(0, resolution.length() - 1));
    }
  }

  /**
   * One generation type ({@code metadata.generation_type}) of a model.
   *
   * @param name {@code text_to_video}, {@code image_to_video}, {@code frames_to_video}, {@code reference_to_video}
   *     or {@code video_edit}
   * @param durations the durations this kind takes, when narrower than the schema's {@code duration} enum
   * @param durationFromInput whether the output takes the input video's duration (the request's is ignored)
   */
  public record TaskKind(String name, List<String> durations, boolean durationFromInput) {

    public TaskKind {
      durations = List.copyOf(durations);
    }
  }

  /** Per-second prices: by mode, plus a surcharge with sound on. */
  public record Prices(Map<String, BigDecimal> perMode, BigDecimal sound) {

    public Prices {
      perMode = Map.copyOf(perMode);
    }

    /** The price per second of a mode; a mode without its own price takes the model's lowest. */
    public BigDecimal perSecond(String mode) {
      BigDecimal price = perMode.get(mode);
      return price != null ? price : perMode.values().stream().min(BigDecimal::compareTo).orElseThrow();
    }
  }
}

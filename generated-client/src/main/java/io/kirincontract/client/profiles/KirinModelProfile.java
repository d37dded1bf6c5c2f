package io.kirincontract.client.profiles;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every per-model fact of one model, as the spec states it: the {@code x-kirin-profile} of the model's request
 * schema, the schema's {@code duration} values and defaults, and the limits of the model's rules. Made by the build
 * from {@code kirin-api.yaml} (see {@link KirinModels}); immutable. Maps and lists keep the spec's order where it
 * has one, else the order of their keys.
 *
 * <pre>{@code
 * KirinModelProfile o1 = KirinModels.profile("kirin_video_o1");
 * List<String> durations = o1.durations();                   // what duration(...) accepts
 * Optional<String> resolution = o1.output().resolution("pro"); // of the video a pro task makes
 * }</pre>
 *
 * @param modelId the request's {@code model} value
 * @param durations the durations in seconds the request's {@code duration} accepts, as on the wire ({@code "5"});
 *     empty when the model has no {@code duration}. A task kind may take fewer (see {@link #durationsFor})
 * @param defaults what the server takes for a top-level parameter the request leaves out, by parameter (the
 *     schema's {@code default}, as on the wire: {@code "mode" -> "std"}, {@code "multi_shot" -> "false"})
 * @param output what the model produces
 * @param taskKinds the generation types ({@code metadata.generation_type}) the model knows, in the order the
 *     server tells them apart
 * @param prices USD per second of output, by mode, and the surcharge per second with sound on
 * @param images the request fields that hold images (dotted paths: {@code image_list.image_url})
 * @param videos the request fields that hold videos
 * @param params the request's top-level parameters
 * @param limits the limits of the model's rules that have any ({@code o1.video.fps -> {min-fps: 24, ...}}), by
 *     rule id: the numbers the server checks media against
 */
public record KirinModelProfile(
    String modelId,
    List<String> durations,
    Map<String, String> defaults,
    Output output,
    List<TaskKind> taskKinds,
    Prices prices,
    List<String> images,
    List<String> videos,
    Set<String> params,
    Map<String, Map<String, String>> limits) {

  public KirinModelProfile {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(prices, "prices");
    durations = List.copyOf(durations);
    defaults = ordered(defaults);
    taskKinds = List.copyOf(taskKinds);
    images = List.copyOf(images);
    videos = List.copyOf(videos);
    params = Collections.unmodifiableSet(new LinkedHashSet<>(params));
    Map<String, Map<String, String>> copied = new LinkedHashMap<>();
    limits.forEach((rule, values) -> copied.put(rule, ordered(values)));
    limits = Collections.unmodifiableMap(copied);
  }

  /** What the server takes for {@code duration} when the request leaves it out. */
  public Optional<String> defaultDuration() {
    return defaultOf("duration");
  }

  /** What the server takes for a top-level parameter the request leaves out, as on the wire. */
  public Optional<String> defaultOf(String param) {
    return Optional.ofNullable(defaults.get(param));
  }

  /** The modes ({@code std}, {@code pro}) the model has, in the spec's order. */
  public List<String> modes() {
    return List.copyOf(output.resolutions().keySet());
  }

  /** The mode of a request that names none: the schema's default, else the model's only mode. */
  public String defaultMode() {
    return defaultOf("mode").orElseGet(() -> modes().get(0));
  }

  /** Whether the request has this top-level parameter. */
  public boolean has(String param) {
    return params.contains(param);
  }

  /** A task kind by name ({@code text_to_video}). */
  public Optional<TaskKind> taskKind(String name) {
    return taskKinds.stream().filter(kind -> kind.name().equals(name)).findFirst();
  }

  /**
   * The durations a task kind takes: its own set where it is narrower than {@link #durations()}, else all of
   * them; empty for a kind whose output takes the input video's duration (the request's is ignored) or that the
   * model does not know.
   */
  public List<String> durationsFor(String taskKind) {
    return taskKind(taskKind)
        .map(
            kind ->
                kind.durationFromInput()
                    ? List.<String>of()
                    : kind.durations().isEmpty() ? durations : kind.durations())
        .orElse(List.of());
  }

  /** A limit of one of the model's rules ({@code limit("o1.video.fps", "max-fps")} is {@code "60"}). */
  public Optional<String> limit(String ruleId, String name) {
    return Optional.ofNullable(limits.getOrDefault(ruleId, Map.of()).get(name));
  }

  /**
   * What the model outputs.
   *
   * @param fps frames per second of every output
   * @param resolutions the output resolution ({@code 720p}) by mode, in the spec's order
   * @param aspectRatio the aspect ratio of the output when the request gives none and the output follows no input
   */
  public record Output(int fps, Map<String, String> resolutions, String aspectRatio) {

    public Output {
      resolutions = ordered(resolutions);
      Objects.requireNonNull(aspectRatio, "aspectRatio");
    }

    /** The output resolution ({@code 1080p}) of a mode; empty for a mode the model does not have. */
    public Optional<String> resolution(String mode) {
      return Optional.ofNullable(resolutions.get(mode));
    }
  }

  /**
   * One generation type ({@code metadata.generation_type}) of a model.
   *
   * @param name {@code text_to_video}, {@code image_to_video}, {@code frames_to_video}, {@code
   *     reference_to_video} or {@code video_edit}
   * @param durations the durations this kind takes, when narrower than the model's; else empty
   * @param durationFromInput whether the output takes the input video's duration (the request's is ignored)
   */
  public record TaskKind(String name, List<String> durations, boolean durationFromInput) {

    public TaskKind {
      Objects.requireNonNull(name, "name");
      durations = List.copyOf(durations);
    }
  }

  /**
   * What a task costs, in USD per second of output.
   *
   * @param perMode the price per second by mode
   * @param sound the surcharge per second with sound on (zero for a model without sound)
   */
  public record Prices(Map<String, BigDecimal> perMode, BigDecimal sound) {

    public Prices {
      perMode = ordered(perMode);
      Objects.requireNonNull(sound, "sound");
    }

    /** The price per second of a mode; a mode without its own price takes the model's lowest. */
    public BigDecimal perSecond(String mode) {
      BigDecimal price = perMode.get(mode);
      return price != null ? price : perMode.values().stream().min(BigDecimal::compareTo).orElseThrow();
    }
  }

  private static <V> Map<String, V> ordered(Map<String, V> map) {
    Map<String, V> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(Objects.requireNonNull(key), Objects.requireNonNull(value, key)));
    return Collections.unmodifiableMap(copy);
  }
}

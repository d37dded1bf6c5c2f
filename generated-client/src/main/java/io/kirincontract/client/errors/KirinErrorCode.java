package io.kirincontract.client.errors;

import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every error code of the spec's {@code x-kirin-error-catalog}: the codes of the provider's documents ("seed"
 * codes, per model) and the project's own codes for failures the documents give no code for. A test reads the
 * catalog and checks that this enum holds exactly its codes, with the same source, kind and status.
 *
 * <p>A code the client does not know (a newer server) is {@link #UNKNOWN}; the exceptions keep the raw code
 * too.
 */
public enum KirinErrorCode {
  // --- kirin_v3_t2v and kirin_v3_i2v (seed) ---
  V3_TASK_RESOURCE_INSUFFICIENT("006001094", Source.SEED, Kind.REQUEST, 429),
  V3_TASK_RESPONSE_ERROR("006001095", Source.SEED, Kind.GENERATION, 0),
  V3_TASK_CREATION_ERROR("006001099", Source.SEED, Kind.GENERATION, 0),
  // --- kirin_video_o1 (seed) ---
  O1_MISSING_PROMPT("002015001", Source.SEED, Kind.REQUEST, 400),
  O1_PROMPT_TOO_LONG("002015002", Source.SEED, Kind.REQUEST, 400),
  O1_INTERNAL_GENERATION_ERROR("002015095", Source.SEED, Kind.GENERATION, 0),
  O1_RESULT_PARSING_ERROR("002015096", Source.SEED, Kind.GENERATION, 0),
  O1_HTTP_ERROR_RESPONSE("002015097", Source.SEED, Kind.GENERATION, 0),
  O1_STATUS_CHECK_ERROR("002015098", Source.SEED, Kind.GENERATION, 0),
  O1_TASK_CREATION_ERROR("002015099", Source.SEED, Kind.GENERATION, 0),
  // --- kirin_v2_master_t2v (seed) ---
  V2_MASTER_INTERNAL_GENERATION_ERROR("002016095", Source.SEED, Kind.GENERATION, 0),
  V2_MASTER_RESULT_PARSING_ERROR("002016096", Source.SEED, Kind.GENERATION, 0),
  V2_MASTER_HTTP_ERROR_RESPONSE("002016097", Source.SEED, Kind.GENERATION, 0),
  V2_MASTER_STATUS_CHECK_ERROR("002016098", Source.SEED, Kind.GENERATION, 0),
  V2_MASTER_TASK_CREATION_ERROR("002016099", Source.SEED, Kind.GENERATION, 0),
  // --- kirin_v2_1_master_i2v (seed) ---
  V21_MASTER_NO_ERROR("0", Source.SEED, Kind.NONE, 0),
  V21_MASTER_IMAGE_MISSING("8002009001", Source.SEED, Kind.REQUEST, 400),
  V21_MASTER_IMAGE_FORMAT_INVALID("8002009002", Source.SEED, Kind.REQUEST, 400),
  V21_MASTER_PROMPT_LENGTH_INVALID("8002009003", Source.SEED, Kind.REQUEST, 400),
  V21_MASTER_DURATION_INVALID("8002009004", Source.SEED, Kind.REQUEST, 400),
  V21_MASTER_ASPECT_RATIO_INVALID("8002009005", Source.SEED, Kind.REQUEST, 400),
  V21_MASTER_JWT_AUTHENTICATION_FAILED("8002009006", Source.SEED, Kind.REQUEST, 401),
  V21_MASTER_GENERATION_PROCESS_FAILED("8002009098", Source.SEED, Kind.GENERATION, 0),
  V21_MASTER_PROVIDER_UNAVAILABLE("8002009099", Source.SEED, Kind.GENERATION, 0),
  // --- the project's own codes ---
  INVALID_JSON("invalid_json", Source.PROJECT, Kind.REQUEST, 400),
  UNKNOWN_MODEL("unknown_model", Source.PROJECT, Kind.REQUEST, 400),
  INVALID_PARAMETER("invalid_parameter", Source.PROJECT, Kind.REQUEST, 400),
  INVALID_MEDIA("invalid_media", Source.PROJECT, Kind.REQUEST, 400),
  MEDIA_UNREACHABLE("media_unreachable", Source.PROJECT, Kind.REQUEST, 400),
  UNAUTHORIZED("unauthorized", Source.PROJECT, Kind.REQUEST, 401),
  HOST_NOT_ALLOWED("host_not_allowed", Source.PROJECT, Kind.REQUEST, 403),
  TASK_NOT_FOUND("task_not_found", Source.PROJECT, Kind.REQUEST, 404),
  ROUTE_NOT_FOUND("route_not_found", Source.PROJECT, Kind.REQUEST, 404),
  METHOD_NOT_ALLOWED("method_not_allowed", Source.PROJECT, Kind.REQUEST, 405),
  EXTERNAL_TASK_ID_CONFLICT("external_task_id_conflict", Source.PROJECT, Kind.REQUEST, 409),
  PAYLOAD_TOO_LARGE("payload_too_large", Source.PROJECT, Kind.REQUEST, 413),
  UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", Source.PROJECT, Kind.REQUEST, 415),
  TASK_RESOURCE_INSUFFICIENT("task_resource_insufficient", Source.PROJECT, Kind.REQUEST, 429),
  INTERNAL_ERROR("internal_error", Source.PROJECT, Kind.REQUEST, 500),
  SERVICE_UNAVAILABLE("service_unavailable", Source.PROJECT, Kind.REQUEST, 503),
  /** A code that is not in this client's catalog, or no code at all. Not a code of the spec. */
  UNKNOWN(null, Source.NONE, Kind.NONE, 0);

  /** Where a code comes from. */
  public enum Source {
    /** The provider's documents. */
    SEED,
    /** The project, for a failure the documents give no code for. */
    PROJECT,
    /** {@link #UNKNOWN} only. */
    NONE
  }

  /** How a code reaches the caller. */
  public enum Kind {
    /** An HTTP error answer to a request ({@link KirinApiException}). */
    REQUEST,
    /** The task was accepted and ends {@code failed} with this code in {@code error.code}. */
    GENERATION,
    /** Never returned ({@code "0"}, "no error", and {@link #UNKNOWN}). */
    NONE
  }

  private static final Map<String, KirinErrorCode> BY_CODE =
      Arrays.stream(values())
          .filter(value -> value.code != null)
          .collect(Collectors.toUnmodifiableMap(KirinErrorCode::code, Function.identity()));

  private final String code;
  private final Source source;
  private final Kind kind;
  private final int status;

  KirinErrorCode(String code, Source source, Kind kind, int status) {
    this.code = code;
    this.source = source;
    this.kind = kind;
    this.status = status;
  }

  /** The code as it appears on the wire; {@code null} for {@link #UNKNOWN}. */
  public String code() {
    return code;
  }

  /** Whether the provider's documents define this code (as opposed to the project). */
  public boolean isSeedCode() {
    return source == Source.SEED;
  }

  public Source source() {
    return source;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status a {@link Kind#REQUEST} code comes with; empty for the other kinds. */
  public OptionalInt httpStatus() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /**
   * The constant for a code as sent by the server; {@link #UNKNOWN} for {@code null} or a code not listed.
   */
  public static KirinErrorCode of(String code) {
    return code == null ? UNKNOWN : BY_CODE.getOrDefault(code, UNKNOWN);
  }
}

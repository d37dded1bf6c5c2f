package io.kirincontract.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kirincontract.client.errors.ErrorMapping;
import io.kirincontract.client.errors.KirinApiException;
import io.kirincontract.client.errors.KirinAuthenticationException;
import io.kirincontract.client.errors.KirinConflictException;
import io.kirincontract.client.errors.KirinError;
import io.kirincontract.client.errors.KirinErrorCode;
import io.kirincontract.client.errors.KirinNotFoundException;
import io.kirincontract.client.errors.KirinPayloadTooLargeException;
import io.kirincontract.client.errors.KirinRateLimitException;
import io.kirincontract.client.errors.KirinServerException;
import io.kirincontract.client.errors.KirinValidationException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each error status becomes its exception class, with the envelope's code, message, param and rule exposed.
 */
class ErrorMappingTest {

  private final StubServer stub = StubServer.start();
  private final KirinClient client =
      Fixtures.client(stub, new ManualTime()).retryPolicy(RetryPolicy.none()).build();

  @AfterEach
  void stop() {
    client.close();
    stub.close();
  }

  static Stream<Arguments> statuses() {
    return Stream.of(
            Arguments.of(400, "ErrorPromptTooLong", KirinValidationException.class,
                KirinErrorCode.O1_PROMPT_TOO_LONG, "prompt", "o1.prompt.max-length"),
            Arguments.of(400, "ErrorRuleBroken", KirinValidationException.class,
                KirinErrorCode.INVALID_PARAMETER, "multi_prompt", "v3.multi-shot.durations-sum"),
            Arguments.of(401, "ErrorJwtAuthenticationFailed", KirinAuthenticationException.class,
                KirinErrorCode.V21_MASTER_JWT_AUTHENTICATION_FAILED, null, null),
            Arguments.of(404, "ErrorTaskNotFound", KirinNotFoundException.class,
                KirinErrorCode.TASK_NOT_FOUND, null, null),
            Arguments.of(409, "ErrorExternalTaskIdConflict", KirinConflictException.class,
                KirinErrorCode.EXTERNAL_TASK_ID_CONFLICT, "external_task_id", null),
            Arguments.of(413, "ErrorPayloadTooLarge", KirinPayloadTooLargeException.class,
                KirinErrorCode.PAYLOAD_TOO_LARGE, null, null),
            Arguments.of(415, "ErrorUnsupportedMediaType", KirinValidationException.class,
                KirinErrorCode.UNSUPPORTED_MEDIA_TYPE, null, null),
            Arguments.of(429, "ErrorTaskResourceInsufficient", KirinRateLimitException.class,
                KirinErrorCode.V3_TASK_RESOURCE_INSUFFICIENT, null, null),
            Arguments.of(500, "ErrorInternal", KirinServerException.class,
                KirinErrorCode.INTERNAL_ERROR, null, null),
            Arguments.of(503, "ErrorServiceUnavailable", KirinServerException.class,
                KirinErrorCode.SERVICE_UNAVAILABLE, null, null))
        .flatMap(args -> Stream.of(CallPath.values())
            .map(path -> Arguments.of(path, args.get()[0], args.get()[1], args.get()[2], args.get()[3],
                args.get()[4], args.get()[5])));
  }

  @ParameterizedTest(name = "{0}: {1} {2} is a {3}")
  @MethodSource("statuses")
  void anErrorStatusBecomesItsExceptionWithTheEnvelopeExposed(CallPath path, int status, String example,
      Class<? extends KirinApiException> type, KirinErrorCode code, String param, String rule) {
    String body = Fixtures.error(example);
    stub.respond(status, body);

    KirinApiException error = catchThrowableOfType(type, () -> path.call(
        () -> client.create(KirinRequests.videoO1().prompt("x").build()),
        () -> client.createAsync(KirinRequests.videoO1().prompt("x").build())));

    assertThat(error).isExactlyInstanceOf(type);
    assertThat(error.statusCode()).isEqualTo(status);
    assertThat(error.code()).isEqualTo(Fixtures.json(body).at("/error/code").asText());
    assertThat(error.errorCode()).isEqualTo(code);
    assertThat(error.errorMessage()).isEqualTo(Fixtures.json(body).at("/error/error_message").asText());
    assertThat(error.param().orElse(null)).isEqualTo(param);
    assertThat(error.rule().orElse(null)).isEqualTo(rule);
    assertThat(error).hasMessageContaining(String.valueOf(status)).hasMessageContaining(error.code());
    assertThat(stub.requests()).hasSize(1);
  }

  @Test
  void everyProblemOfAMultiErrorAnswerIsInTheDetails() {
    String first = "\"code\":\"invalid_parameter\",\"error_message\":\"first\",\"param\":\"duration\","
        + "\"rule\":\"v3t2v.duration.enum\"";
    stub.respond(400, "{\"error\":{" + first + ",\"details\":[{" + first + "},"
        + "{\"code\":\"002015002\",\"error_message\":\"second\",\"param\":\"prompt\"}]}}");

    KirinValidationException error =
        catchThrowableOfType(KirinValidationException.class, () -> client.get("t"));

    assertThat(error.details()).extracting(KirinError::param).containsExactly("duration", "prompt");
    assertThat(error.details().get(1).errorCode()).isEqualTo(KirinErrorCode.O1_PROMPT_TOO_LONG);
  }

  @Test
  void aCodeThisClientDoesNotKnowIsUnknownButKeptAsSent() {
    stub.respond(400,
        "{\"error\":{\"code\":\"brand_new_code\",\"error_message\":\"new\",\"future_field\":1}}");

    KirinValidationException error =
        catchThrowableOfType(KirinValidationException.class, () -> client.get("t"));

    assertThat(error.errorCode()).isEqualTo(KirinErrorCode.UNKNOWN);
    assertThat(error.code()).isEqualTo("brand_new_code");
  }

  @Test
  void aBodyThatIsNotTheEnvelopeStillGivesTheStatusClassWithTheBodyAsMessage() {
    stub.respond(502, "<html>Bad gateway</html>");

    KirinServerException error = catchThrowableOfType(KirinServerException.class, () -> client.get("t"));

    assertThat(error.statusCode()).isEqualTo(502);
    assertThat(error.code()).isNull();
    assertThat(error.errorCode()).isEqualTo(KirinErrorCode.UNKNOWN);
    assertThat(error.errorMessage()).isEqualTo("<html>Bad gateway</html>");
  }

  @Test
  void theTableMapsEveryStatusToOneClass() {
    assertThat(ErrorMapping.fromResponse(403, "", null))
        .isExactlyInstanceOf(KirinAuthenticationException.class);
    assertThat(ErrorMapping.fromResponse(405, Fixtures.json("{\"error\":{\"code\":\"method_not_allowed\","
        + "\"error_message\":\"no\"}}").toString(), null)).isExactlyInstanceOf(KirinApiException.class);
    assertThat(ErrorMapping.fromResponse(418, null, null)).isExactlyInstanceOf(KirinApiException.class);
    assertThat(ErrorMapping.fromResponse(504, null, null)).isExactlyInstanceOf(KirinServerException.class);
    assertThat(ErrorMapping.fromResponse(413, null, null)).isInstanceOf(KirinValidationException.class);
    assertThat(ErrorMapping.fromResponse(429, null, Duration.ofSeconds(7)).retryAfter())
        .contains(Duration.ofSeconds(7));
  }
}

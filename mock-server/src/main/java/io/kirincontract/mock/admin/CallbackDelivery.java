package io.kirincontract.mock.admin;

import java.time.Instant;

/**
 * One callback delivery attempt as the admin API lists it ({@code GET /__admin/callbacks}).
 *
 * @param keyId the id of the key whose task it is
 * @param status the task status the callback reported
 * @param url the callback URL without credentials or query values
 * @param httpStatus the receiver's status, or {@code null} when none came
 * @param error why the attempt failed, or {@code null}
 * @param outcome {@code delivered}, {@code will_retry}, {@code gave_up}, {@code blocked} or {@code dropped}
 * @param retryInMs the delay before the next attempt, or {@code null}
 */
public record CallbackDelivery(
    String keyId,
    String taskId,
    String status,
    String url,
    int attempt,
    Instant startedAt,
    Integer httpStatus,
    String error,
    long durationMs,
    String outcome,
    Long retryInMs) {}

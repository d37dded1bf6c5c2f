package io.kirincontract.mock.callbacks.internal;

import io.kirincontract.mock.callbacks.CallbackSettings;
import java.net.URI;
import java.time.Instant;

/**
 * One entry of the {@link DeliveryLog}: a single HTTP attempt to deliver one callback.
 *
 * @param tenant the tenant (API key) owning the task
 * @param taskId the task id
 * @param status the task status this callback announces
 * @param url the callback URL
 * @param attempt 1 for the first attempt, counting retries up to {@link CallbackSettings#maxAttempts()}; 0 for an
 *     entry that records no HTTP attempt ({@link DeliveryOutcome#BLOCKED}, {@link DeliveryOutcome#DROPPED})
 * @param startedAt when the attempt started, read from the dispatcher's injected clock
 * @param httpStatus the receiver's HTTP status, or {@code null} when no response came (connection error,
 *     timeout)
 * @param error what went wrong when there was no response, or {@code null}
 * @param durationMillis how long the attempt took, measured on the same injected clock
 * @param outcome what the attempt led to
 * @param retryInMillis for {@link DeliveryOutcome#WILL_RETRY}, the delay before the next attempt; otherwise
 *     {@code null}
 */
public record DeliveryAttempt(
    String tenant,
    String taskId,
    String status,
    URI url,
    int attempt,
    Instant startedAt,
    Integer httpStatus,
    String error,
    long durationMillis,
    DeliveryOutcome outcome,
    Long retryInMillis) {}

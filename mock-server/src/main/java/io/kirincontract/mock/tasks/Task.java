package io.kirincontract.mock.tasks;

import java.time.Instant;

/**
 * A video generation task as the store keeps it. Immutable: a status change is a new value.
 *
 * @param tenant the API key that created it; tasks are private to it
 * @param externalTaskId the caller's own id, or {@code null}
 */
public record Task(
    String id,
    String tenant,
    String model,
    TaskStatus status,
    String externalTaskId,
    Instant createdAt,
    Instant updatedAt,
    TaskMetadata metadata) {}

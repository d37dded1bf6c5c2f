package io.kirincontract.mock.admin;

import io.kirincontract.mock.tasks.Task;
import io.kirincontract.mock.tasks.TaskStatus;
import java.time.Instant;

/**
 * A task as the admin API shows it: the Task as {@code GET} returns it to its key, plus what only the mock knows.
 *
 * @param task the task; its {@code tenant()} is {@code null} (the admin API names keys by their id)
 * @param keyId the id of the API key that created it ({@code key_...})
 * @param callbackUrl its callback URL without credentials or query values, or {@code null}
 * @param heldIn the status it is held in until released, or {@code null}
 * @param nextChangeAt when its status changes next, or {@code null} (finished, or held)
 */
public record AdminTask(Task task, String keyId, String callbackUrl, TaskStatus heldIn, Instant nextChangeAt) {}

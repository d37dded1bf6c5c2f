package io.kirincontract.mock.admin;

import io.kirincontract.mock.tasks.Task;
import io.kirincontract.mock.tasks.TaskStatus;
import java.time.Instant;

/**
 * A task as the admin API shows it: the Task as {@code GET} returns it to its key, plus what only the mock knows.
 *
 * @param key the API key that created it ({@code task.tenant()})
 * @param callbackUrl its callback URL, or {@code null}
 * @param heldIn the status it is held in until released, or {@code null}
 * @param nextChangeAt when its status changes next, or {@code null} (finished, or held)
 */
public record AdminTask(Task task, String key, String callbackUrl, TaskStatus heldIn, Instant nextChangeAt) {}

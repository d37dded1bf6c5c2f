package io.kirincontract.client;

import io.kirincontract.client.model.Task;

/**
 * Told of a task's progress while {@code awaitCompletion} polls: called with the first Task seen and then
 * once each time the status differs from the previous poll's ({@code queued}, {@code processing}, then {@code
 * completed} or {@code failed}). Called on the polling thread (an executor thread for the async variants); an
 * exception thrown here ends the wait with that exception.
 */
@FunctionalInterface
public interface TaskProgressListener {

  void onStatusChange(Task task);
}

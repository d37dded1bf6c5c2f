package io.kirincontract.client.internal;

import io.kirincontract.client.errors.KirinConflictException;
import io.kirincontract.client.errors.KirinException;
import io.kirincontract.client.model.Task;
import io.kirincontract.client.model.VideoGenerationRequest;
import io.kirincontract.client.requests.RequestBodies;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One {@code create}, attempted as often as the {@link Retrier} allows. With an {@code external_task_id} the
 * create is idempotent: once an attempt may have reached the server (a timeout, a broken connection, a 5xx),
 * a later attempt's {@code 409} means that earlier attempt created the task, which is then fetched by its
 * external id and returned.
 */
public final class CreateAttempt implements Supplier<Task> {

  private final Transport transport;
  private final VideoGenerationRequest request;
  private final String externalTaskId;
  private final AtomicBoolean mayHaveCreated = new AtomicBoolean();

  public CreateAttempt(Transport transport, VideoGenerationRequest request) {
    this.transport = transport;
    this.request = request;
    this.externalTaskId = RequestBodies.externalTaskId(request);
  }

  /** Whether retrying cannot create a second task: the request has an external id. */
  public boolean idempotent() {
    return externalTaskId != null;
  }

  @Override
  public Task get() {
    try {
      return transport.create(request);
    } catch (KirinConflictException conflict) {
      if (idempotent() && mayHaveCreated.get()) {
        return transport.getByExternalId(externalTaskId);
      }
      throw conflict;
    } catch (KirinException failure) {
      if (RetryRules.mayHaveReachedServer(failure)) {
        mayHaveCreated.set(true);
      }
      throw failure;
    }
  }
}

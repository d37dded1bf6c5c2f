package io.kirincontract.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.kirincontract.client.api.VideoGenerationsApi;
import io.kirincontract.client.errors.ErrorMapping;
import io.kirincontract.client.errors.KirinConnectionException;
import io.kirincontract.client.errors.KirinException;
import io.kirincontract.client.errors.KirinTimeoutException;
import io.kirincontract.client.invoker.ApiClient;
import io.kirincontract.client.invoker.ApiException;
import io.kirincontract.client.model.Task;
import io.kirincontract.client.model.VideoGenerationRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * One attempt of each operation through the generated {@link VideoGenerationsApi}, with its checked {@link
 * ApiException} turned into the client's unchecked exceptions. No retries here.
 */
public final class Transport {

  @FunctionalInterface
  private interface Call {
    Task call() throws ApiException;
  }

  private final VideoGenerationsApi api;
  private final Clock clock;
  private final Duration requestTimeout;

  public Transport(ApiClient apiClient, Clock clock) {
    this.api = new VideoGenerationsApi(apiClient);
    this.clock = clock;
    this.requestTimeout = apiClient.getReadTimeout();
  }

  public Task create(VideoGenerationRequest request) {
    return send("POST /v1/videos/generations", () -> api.createVideoGeneration(request));
  }

  public Task get(String taskId) {
    return send("GET task " + taskId, () -> api.getVideoGeneration(taskId));
  }

  public Task getByExternalId(String externalTaskId) {
    return send(
        "GET external task " + externalTaskId, () -> api.getVideoGenerationByExternalId(externalTaskId));
  }

  private Task send(String what, Call call) {
    Task task;
    try {
      task = call.call();
    } catch (ApiException e) {
      throw translate(what, e);
    }
    if (task == null) {
      throw new KirinException(what + ": the answer had no body");
    }
    return task;
  }

  private KirinException translate(String what, ApiException e) {
    if (e.getCode() != 0) {
      return ErrorMapping.fromResponse(
          e.getCode(), e.getResponseBody(), RetryAfterHeader.parse(e.getResponseHeaders(), clock));
    }
    Throwable cause = e.getCause();
    if (cause instanceof InterruptedException) {
      return new KirinException(what + ": interrupted", cause);
    }
    if (cause instanceof JsonProcessingException) {
      return new KirinException(what + ": the answer is not a Task: " + cause.getMessage(), cause);
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return new KirinConnectionException(what + ": timed out connecting", cause, false);
    }
    if (cause instanceof HttpTimeoutException) {
      return new KirinTimeoutException(
          what + ": no answer within the request timeout of " + requestTimeout, null, requestTimeout, cause);
    }
    if (causedBy(cause, ConnectException.class)) {
      return new KirinConnectionException(what + ": could not connect: " + cause, cause, false);
    }
    if (cause instanceof IOException) {
      return new KirinConnectionException(what + ": the connection failed: " + cause, cause, true);
    }
    return new KirinException(what + ": " + e.getMessage(), e);
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}

package io.kirincontract.mock.callbacks.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One accepted callback, from {@code enqueue} until it is settled: delivered, given up or dropped. Settling
 * happens once ({@link #settle()}), so a callback is counted once even when closing races with its last
 * attempt.
 */
final class PendingCallback {

  private final String tenant;
  private final String taskId;
  private final String status;
  private final URI url;
  private final byte[] body;
  private final TaskLanes.LaneKey laneKey;
  private final String receiver;
  private final AtomicBoolean settled = new AtomicBoolean();

  PendingCallback(String tenant, String taskId, String status, URI url, byte[] body) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.taskId = Objects.requireNonNull(taskId, "taskId");
    this.status = Objects.requireNonNull(status, "status");
    this.url = Objects.requireNonNull(url, "url");
    this.body = Objects.requireNonNull(body, "body").clone();
    this.laneKey = new TaskLanes.LaneKey(tenant, taskId);
    this.receiver = receiverOf(url);
  }

  String tenant() {
    return tenant;
  }

  String taskId() {
    return taskId;
  }

  String status() {
    return status;
  }

  URI url() {
    return url;
  }

  /** The body; callers must not modify it. */
  byte[] body() {
    return body;
  }

  TaskLanes.LaneKey laneKey() {
    return laneKey;
  }

  long jitterKey() {
    return BackoffSchedule.keyOf(tenant, taskId, status);
  }

  /** True once the callback is finished (delivered, given up, blocked or dropped). */
  boolean isSettled() {
    return settled.get();
  }

  /** The receiver, for fair shares of the slots: {@code host:port} of the URL, lower case. */
  String receiver() {
    return receiver;
  }

  private static String receiverOf(URI url) {
    String host =
        url.getHost() == null ? String.valueOf(url.getAuthority()) : url.getHost().toLowerCase(Locale.ROOT);
    int port = url.getPort();
    if (port == -1) {
      port = "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
    return host + ":" + port;
  }

  /** Marks the callback finished; true only for the first call. */
  boolean settle() {
    return settled.compareAndSet(false, true);
  }

  @Override
  public String toString() {
    return tenant + "/" + taskId + " " + status + " -> " + url;
  }
}

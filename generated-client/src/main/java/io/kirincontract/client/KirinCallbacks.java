package io.kirincontract.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kirincontract.client.internal.KirinJson;
import io.kirincontract.client.model.Task;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads the body of a callback: the server POSTs the Task to {@code callback_url} on every status change,
 * exactly as {@code GET} returns it. Tolerant, as a receiver must be: unknown fields are ignored, and a
 * status or model this client does not know reads as {@code UNKNOWN_DEFAULT_OPEN_API} instead of failing.
 *
 * <pre>{@code
 * Task task = KirinCallbacks.parse(requestBody);
 * if (TaskResults.isCompleted(task)) { ... }
 * }</pre>
 */
public final class KirinCallbacks {

  private static final ObjectMapper MAPPER = KirinJson.mapper();

  private KirinCallbacks() {}

  /**
   * The Task in a callback body.
   *
   * @throws IllegalArgumentException if the body is not a JSON object with at least {@code id} and {@code
   *     status} (answer the delivery with {@code 400})
   */
  public static Task parse(String body) {
    Objects.requireNonNull(body, "body");
    Task task;
    try {
      task = MAPPER.readValue(body, Task.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the callback body is not a Task: " + e.getOriginalMessage(), e);
    }
    if (task == null || task.getId() == null || task.getStatus() == null) {
      throw new IllegalArgumentException("the callback body is not a Task: it needs at least id and status");
    }
    return task;
  }

  /** The Task in a callback body given as bytes, read as UTF-8. */
  public static Task parse(byte[] body) {
    return parse(new String(Objects.requireNonNull(body, "body"), StandardCharsets.UTF_8));
  }
}

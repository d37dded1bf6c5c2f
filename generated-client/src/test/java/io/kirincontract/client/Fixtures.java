package io.kirincontract.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** Clients wired to a stub and to manual time, and the JSON the stub answers with. */
final class Fixtures {

  static final String API_KEY = "test-key";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** A client on the stub with manual time, retries without jitter, everything else by default. */
  static KirinClient.Builder client(StubServer stub, ManualTime time) {
    return client(stub.baseUrl(), time);
  }

  static KirinClient.Builder client(String baseUrl, ManualTime time) {
    return KirinClient.builder()
        .baseUrl(baseUrl)
        .apiKey(API_KEY)
        .clock(time)
        .sleeper(time)
        .retryPolicy(RetryPolicy.builder().jitter(0).build());
  }

  /** The spec's example Task {@code example}, as JSON text. */
  static String task(String example) {
    return SpecFile.example(example).toString();
  }

  /** A small Task: the spec's processing example with {@code id} and {@code status} replaced. */
  static String task(String id, String status) {
    ObjectNode task = (ObjectNode) SpecFile.example("TaskProcessing");
    task.put("id", id).put("status", status);
    return task.toString();
  }

  /** The spec's example error body {@code name}. */
  static String error(String example) {
    return SpecFile.example(example).toString();
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.kirincontract.mock.journal;

import io.kirincontract.mock.KirinMockServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Locale;

/**
 * Measures the heap a journal entry costs: sends {@code entries} creates over HTTP (a typical body of 180 bytes, a
 * user agent and an external id each) to a mock whose journal keeps them all, then compares the heap in use after full
 * collections with the journal full and after emptying it (the tasks stay in both).
 *
 * <p>{@code java -Xmx512m -cp <test classpath> io.kirincontract.mock.journal.JournalFootprint 10000}.
 */
public final class JournalFootprint {

  /** What was measured. */
  public record Result(int entries, long bytes) {
    public double bytesPerEntry() {
      return (double) bytes / entries;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT, "%,d journal entries of creates: %,d bytes of heap, %.0f bytes per entry", entries, bytes,
          bytesPerEntry());
    }
  }

  private JournalFootprint() {}

  public static void main(String[] args) throws Exception {
    System.out.println(measure(args.length > 0 ? Integer.parseInt(args[0]) : 10_000));
  }

  public static Result measure(int entries) throws Exception {
    try (KirinMockServer server =
            KirinMockServer.start(
                config ->
                    config.host("127.0.0.1")
                        .port(0)
                        .requestLog(false)
                        .journalSize(entries)
                        .maxTasks(entries + 10)
                        .manualClock(Instant.parse("2026-12-02T10:00:00Z")))) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (int i = 0; i < entries; i++) {
        String body =
            "{\"model\": \"kirin_v3_t2v\", \"prompt\": \"A red fox trots across a snowy meadow at dawn\","
                + " \"mode\": \"pro\", \"duration\": \"10\", \"external_task_id\": \"order-" + i + "\"}";
        HttpResponse<Void> response =
            client.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/videos/generations"))
                    .header("Authorization", "Bearer key-" + (i % 10))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "footprint/1.0")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
          throw new IllegalStateException("create " + i + " answered " + response.statusCode());
        }
      }
      if (server.admin().journal().total() != entries || server.admin().journal().dropped() != 0) {
        throw new IllegalStateException("expected " + entries + " entries in the journal");
      }
      long full = usedHeap();
      server.admin().clearRequests();
      long empty = usedHeap();
      return new Result(entries, full - empty);
    }
  }

  private static long usedHeap() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}

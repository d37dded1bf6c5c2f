package io.kirincontract.mock.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kirincontract.mock.journal.internal.BodySummary;
import io.kirincontract.mock.journal.internal.KeyIds;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The journal's own work per request, without HTTP: a number on arrival, then the body's summary check, the entry and
 * its publication in the ring, for a typical create body already parsed (as the mock has it). Single thread, after a
 * warm-up; prints nanoseconds of the thread's CPU time (and wall time) per request. Compare with the CPU time of a whole create (journal-cost.sh).
 *
 * <p>{@code java -cp <test classpath> io.kirincontract.mock.journal.JournalCost 5000000}.
 */
public final class JournalCost {

  private JournalCost() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
    byte[] body =
        ("{\"model\": \"kirin_v3_t2v\", \"prompt\": \"A red fox trots across a snowy meadow at dawn\", \"mode\": \"pro\","
                + " \"duration\": \"10\", \"external_task_id\": \"order-17\"}")
            .getBytes(StandardCharsets.UTF_8);
    JsonNode tree = new ObjectMapper().readTree(body);
    RequestJournal journal = new RequestJournal(true, RequestJournal.DEFAULT_SIZE);
    KeyIds keyIds = new KeyIds();
    run(journal, keyIds, body, tree, requests / 2); // warm-up
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= 3; round++) {
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      run(journal, keyIds, body, tree, requests);
      double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / (double) requests;
      double wall = (System.nanoTime() - start) / (double) requests;
      System.out.println(
          String.format(
              Locale.ROOT,
              "round %d: %,d requests recorded, %.0f ns of CPU per request (%.0f ns of wall time)",
              round,
              requests,
              cpu,
              wall));
    }
  }

  private static void run(RequestJournal journal, KeyIds keyIds, byte[] body, JsonNode tree, int requests) {
    for (int i = 0; i < requests; i++) {
      RequestJournal.Ticket ticket = journal.arrive();
      journal.record(
          ticket,
          new RecordedRequest.Builder()
              .request("POST", "/v1/videos/generations")
              .keyId(keyIds.of("bench-key"))
              .headers("application/json", "wrk", null, null)
              .body(BodySummary.of(body, tree, false))
              .answer(200, null, null)
              .model("kirin_v3_t2v")
              .externalTaskId("order-17")
              .taskId("task_01")
              .stub(null, null)
              .elapsedMs(0.8));
    }
  }
}

package io.kirincontract.mock.http.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.admin.AdminScenario;
import io.kirincontract.mock.admin.AdminTask;
import io.kirincontract.mock.admin.CallbackDelivery;
import io.kirincontract.mock.admin.internal.Redaction;
import io.kirincontract.mock.callbacks.internal.CallbackStats;
import io.kirincontract.mock.control.FaultSettings;
import io.kirincontract.mock.lifecycle.ManualClock;
import io.kirincontract.mock.lifecycle.MockClock;
import io.kirincontract.mock.tasks.internal.TaskRenderer;
import java.time.Instant;
import java.util.List;

/**
 * The admin API's JSON shapes (documented in {@code docs/mock-lifecycle.md}). Keys are shown as their {@code key_id},
 * callback URLs without credentials ({@link Redaction}).
 */
final class AdminJson {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final TaskRenderer renderer = new TaskRenderer();

  ObjectNode task(AdminTask task) {
    ObjectNode node = JSON.objectNode();
    node.put("key_id", task.keyId());
    putNullable(node, "callback_url", task.callbackUrl());
    putNullable(node, "held_in", task.heldIn() == null ? null : task.heldIn().wireName());
    putNullable(node, "next_change_at", task.nextChangeAt() == null ? null : task.nextChangeAt().toString());
    node.set("task", renderer.render(task.task()));
    return node;
  }

  ObjectNode tasks(List<AdminTask> tasks, int stored, int maxTasks, long evicted) {
    ObjectNode node = JSON.objectNode();
    node.put("stored", stored).put("max_tasks", maxTasks).put("evicted", evicted);
    ArrayNode list = node.putArray("tasks");
    tasks.forEach(task -> list.add(task(task)));
    return node;
  }

  ObjectNode rule(AdminScenario rule) {
    ObjectNode node = JSON.objectNode();
    node.put("id", rule.id());
    putNullable(node, "model", rule.model());
    putNullable(node, "key_id", rule.keyId());
    node.put("count", rule.count());
    node.put("remaining", rule.remaining());
    node.put("scenario", rule.scenario().toString());
    ArrayNode models = node.putArray("models");
    rule.models().stream().sorted().forEach(models::add);
    return node;
  }

  ObjectNode rules(List<AdminScenario> rules) {
    ObjectNode node = JSON.objectNode();
    ArrayNode list = node.putArray("scenarios");
    rules.forEach(rule -> list.add(rule(rule)));
    return node;
  }

  ObjectNode faults(FaultSettings faults) {
    return JSON.objectNode()
        .put("latency", faults.latency().toString())
        .put("latency_share", faults.latencyShare())
        .put("error_share", faults.errorShare())
        .put("error_status", faults.errorStatus())
        .put("seed", faults.seed());
  }

  ObjectNode limits(int maxRunning, String key, Integer unfinished) {
    ObjectNode node = JSON.objectNode().put("max_running_tasks", maxRunning);
    if (key != null) {
      node.put("key_id", Redaction.keyId(key)).put("unfinished_tasks", unfinished);
    }
    return node;
  }

  ObjectNode clock(MockClock clock, int pendingTransitions) {
    return JSON.objectNode()
        .put("now", clock.instant().toString())
        .put("kind", clock instanceof ManualClock ? "manual" : "system")
        .put("time_scale", clock.timeScale())
        .put("pending_transitions", pendingTransitions);
  }

  ObjectNode callbacks(CallbackStats stats, List<CallbackDelivery> deliveries) {
    ObjectNode node = JSON.objectNode();
    node.putObject("stats")
        .put("enqueued", stats.enqueued())
        .put("attempts", stats.attempts())
        .put("delivered", stats.delivered())
        .put("retries", stats.retries())
        .put("given_up", stats.givenUp())
        .put("dropped", stats.dropped())
        .put("blocked", stats.blocked())
        .put("pending", stats.pending())
        .put("in_flight", stats.inFlight());
    ArrayNode list = node.putArray("deliveries");
    for (CallbackDelivery delivery : deliveries) {
      ObjectNode entry = list.addObject();
      entry.put("key_id", delivery.keyId());
      entry.put("task_id", delivery.taskId());
      entry.put("status", delivery.status());
      entry.put("url", delivery.url());
      entry.put("attempt", delivery.attempt());
      entry.put("started_at", timestamp(delivery.startedAt()));
      if (delivery.httpStatus() == null) {
        entry.putNull("http_status");
      } else {
        entry.put("http_status", delivery.httpStatus());
      }
      putNullable(entry, "error", delivery.error());
      entry.put("duration_ms", delivery.durationMs());
      entry.put("outcome", delivery.outcome());
      if (delivery.retryInMs() == null) {
        entry.putNull("retry_in_ms");
      } else {
        entry.put("retry_in_ms", delivery.retryInMs());
      }
    }
    return node;
  }

  ObjectNode message(String field, String value) {
    return JSON.objectNode().put(field, value);
  }

  private static String timestamp(Instant instant) {
    return instant.toString();
  }

  private static void putNullable(ObjectNode node, String field, String value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}

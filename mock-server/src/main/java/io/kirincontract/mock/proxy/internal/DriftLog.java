package io.kirincontract.mock.proxy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.journal.internal.BodySummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The drift watch's findings, aggregated per (kind, rule, model) with a count, the first and last time, and the first
 * exchange as example (its request summarised as the journal summarises bodies, its key shown as {@code key_id}).
 * Renders {@code GET /__admin/drift} (DESIGN §7).
 */
public final class DriftLog {

  /** Most distinct (kind, rule, model) items kept; later ones still count in {@code by_kind}. */
  static final int MAX_ITEMS = 1_000;

  /** Longest model name kept in an item (the request's own {@code model} may be any string). */
  private static final int MAX_MODEL = 100;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Clock clock;
  private Instant since;
  private long exchanges;
  private long agreed;
  private long dropped;
  private final Map<DriftKind, Long> byKind = new EnumMap<>(DriftKind.class);
  private final Map<Key, Item> items = new LinkedHashMap<>();

  public DriftLog(Clock clock) {
    this.clock = clock;
    this.since = clock.instant();
  }

  /** Adds one judged exchange. */
  public synchronized void add(Exchange exchange, Judgement judgement) {
    exchanges++;
    if (judgement.drifts().isEmpty()) {
      agreed++;
      return;
    }
    String model = model(exchange);
    for (Drift drift : judgement.drifts()) {
      byKind.merge(drift.kind(), 1L, Long::sum);
      Key key = new Key(drift.kind(), drift.rule(), model);
      Item item = items.get(key);
      if (item == null) {
        if (items.size() >= MAX_ITEMS) {
          continue;
        }
        item = new Item(key, exchange.at(), example(exchange, judgement, drift));
        items.put(key, item);
      }
      item.count++;
      item.lastAt = exchange.at();
    }
  }

  /** One exchange the queue had no room for. */
  public synchronized void dropped() {
    dropped++;
  }

  /** Starts afresh ({@code DELETE /__admin/drift}). */
  public synchronized void reset() {
    since = clock.instant();
    exchanges = 0;
    agreed = 0;
    dropped = 0;
    byKind.clear();
    items.clear();
  }

  /** Exchanges judged since the start or the last reset. */
  public synchronized long exchanges() {
    return exchanges;
  }

  /** {@code {"since", "exchanges", "agreed", "dropped", "by_kind", "items"}}, items most frequent first. */
  public synchronized ObjectNode json() {
    ObjectNode root = NODES.objectNode();
    root.put("since", since.toString());
    root.put("exchanges", exchanges);
    root.put("agreed", agreed);
    root.put("dropped", dropped);
    ObjectNode kinds = root.putObject("by_kind");
    byKind.forEach((kind, count) -> kinds.put(kind.wireName(), count));
    var list = root.putArray("items");
    List<Item> sorted = new ArrayList<>(items.values());
    sorted.sort(Comparator.comparingLong((Item item) -> -item.count).thenComparing(item -> item.firstAt));
    for (Item item : sorted) {
      ObjectNode node = list.addObject();
      node.put("kind", item.key.kind.wireName());
      node.put("rule", item.key.rule);
      node.put("model", item.key.model);
      node.put("count", item.count);
      node.put("first_at", item.firstAt.toString());
      node.put("last_at", item.lastAt.toString());
      node.set("example", item.example);
    }
    return root;
  }

  private static ObjectNode example(Exchange exchange, Judgement judgement, Drift drift) {
    ObjectNode example = NODES.objectNode();
    ObjectNode request = example.putObject("request");
    request.put("method", exchange.method());
    request.put("path", exchange.path());
    request.put("key_id", exchange.keyId());
    BodySummary.Summary body = BodySummary.of(exchange.body(), null, false);
    if (body == null) {
      request.putNull("body");
    } else if (body.json() != null) {
      request.set("body", parsed(body.json()));
    } else {
      request.put("body", body.text());
    }
    if (judgement.local() == null) {
      example.putNull("local");
    } else {
      verdict(example.putObject("local"), judgement.local()).put("rule", judgement.local().rule());
    }
    ObjectNode upstream = verdict(example.putObject("upstream"), judgement.upstream());
    if (!drift.violations().isEmpty()) {
      var violations = upstream.putArray("violations");
      drift.violations().forEach(v -> violations.addObject().put("pointer", v.pointer()).put("message", v.message()));
    }
    return example;
  }

  private static ObjectNode verdict(ObjectNode node, Verdict verdict) {
    node.put("status", verdict.status());
    node.put("code", verdict.code());
    return node;
  }

  private static JsonNode parsed(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      return NODES.textNode(new String(json, StandardCharsets.UTF_8));
    }
  }

  /** The request's {@code model}, when its body is JSON with a string one. */
  static String model(Exchange exchange) {
    if (exchange.body().length == 0) {
      return null;
    }
    try {
      JsonNode model = JSON.readTree(exchange.body()).get("model");
      if (model == null || !model.isTextual()) {
        return null;
      }
      String name = model.textValue();
      return name.length() > MAX_MODEL ? name.substring(0, MAX_MODEL) : name;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private record Key(DriftKind kind, String rule, String model) {
    Key {
      Objects.requireNonNull(kind, "kind");
    }
  }

  private static final class Item {
    final Key key;
    final Instant firstAt;
    final ObjectNode example;
    Instant lastAt;
    long count;

    Item(Key key, Instant firstAt, ObjectNode example) {
      this.key = key;
      this.firstAt = firstAt;
      this.lastAt = firstAt;
      this.example = example;
    }
  }
}

package io.kirincontract.mock.journal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.journal.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one matcher of the journal and of stubs (DESIGN §6): every field optional, all given must hold. Read from JSON by
 * {@link MatcherJson}, built in Java by {@code RequestPattern}. The key is kept as its id only: a raw key given to the
 * matcher is compared through {@link io.kirincontract.mock.util.internal.KeyId}. Immutable.
 */
public final class RequestMatcher {

  /** Matches every request. */
  public static final RequestMatcher ANY =
      new RequestMatcher(null, null, null, null, null, null, null, null, null, null, null, List.of());

  final String method;
  final String path;
  final Pattern pathRegex;
  final String keyId;
  final String model;
  final Integer status;
  final Integer statusClass;
  final String outcome;
  final String rule;
  final String errorCode;
  public final Long sinceSeq;
  final List<BodyCondition> body;

  RequestMatcher(
      String method,
      String path,
      Pattern pathRegex,
      String keyId,
      String model,
      Integer status,
      Integer statusClass,
      String outcome,
      String rule,
      String errorCode,
      Long sinceSeq,
      List<BodyCondition> body) {
    this.method = method;
    this.path = path;
    this.pathRegex = pathRegex;
    this.keyId = keyId;
    this.model = model;
    this.status = status;
    this.statusClass = statusClass;
    this.outcome = outcome;
    this.rule = rule;
    this.errorCode = errorCode;
    this.sinceSeq = sinceSeq;
    this.body = List.copyOf(body);
  }

  /** Whether the matcher names anything of the answer (status, outcome, rule, error code), which a stub cannot. */
  public boolean concernsAnswer() {
    return status != null || statusClass != null || outcome != null || rule != null || errorCode != null;
  }

  /** Whether an entry meets every condition. */
  public boolean matches(RecordedRequest entry) {
    return misses(entry, true).isEmpty();
  }

  /** The conditions the entry misses, each as "what was asked, what it had"; empty when it matches. */
  public List<String> misses(RecordedRequest entry) {
    return misses(entry, false);
  }

  /** How many conditions the matcher has (for ranking near misses). */
  int conditions() {
    int count = body.size();
    for (Object field :
        new Object[] {method, path, pathRegex, keyId, model, status, statusClass, outcome, rule, errorCode, sinceSeq}) {
      if (field != null) {
        count++;
      }
    }
    return count;
  }

  private List<String> misses(RecordedRequest entry, boolean firstOnly) {
    List<String> missed = new ArrayList<>();
    check(missed, method == null || method.equalsIgnoreCase(entry.method()), "method " + method, entry.method());
    check(missed, path == null || path.equals(entry.path()), "path " + path, entry.path());
    check(
        missed,
        pathRegex == null || pathRegex.matcher(entry.path()).matches(),
        "path_regex " + (pathRegex == null ? "" : pathRegex.pattern()),
        entry.path());
    check(missed, keyId == null || keyId.equals(entry.keyId()), "key " + keyId, entry.keyId());
    check(missed, model == null || model.equals(entry.model()), "model " + model, entry.model());
    check(missed, status == null || status == entry.status(), "status " + status, entry.status());
    check(
        missed,
        statusClass == null || entry.status() / 100 == statusClass,
        "status_class " + statusClass + "xx",
        entry.status());
    check(missed, outcome == null || outcome.equals(entry.outcome()), "outcome " + outcome, entry.outcome());
    check(missed, rule == null || rule.equals(entry.rule()), "rule " + rule, entry.rule());
    check(
        missed, errorCode == null || errorCode.equals(entry.errorCode()), "error_code " + errorCode, entry.errorCode());
    check(missed, sinceSeq == null || entry.seq() > sinceSeq, "since_seq " + sinceSeq, entry.seq());
    if (!body.isEmpty() && (missed.isEmpty() || !firstOnly)) {
      JsonNode tree = entry.body();
      for (BodyCondition condition : body) {
        if (!condition.test(tree)) {
          missed.add(condition + " (found " + condition.describeFound(tree) + ")");
        }
      }
    }
    return missed;
  }

  /** Whether an arriving request meets the matcher's request conditions (stubs: no answer yet). */
  public boolean matchesArriving(String method, String path, String keyId, String model, JsonNode tree) {
    if (this.method != null && !this.method.equalsIgnoreCase(method)) {
      return false;
    }
    if (this.path != null && !this.path.equals(path)) {
      return false;
    }
    if (pathRegex != null && !pathRegex.matcher(path).matches()) {
      return false;
    }
    if (this.keyId != null && !this.keyId.equals(keyId)) {
      return false;
    }
    if (this.model != null && !this.model.equals(model)) {
      return false;
    }
    for (BodyCondition condition : body) {
      if (!condition.test(tree)) {
        return false;
      }
    }
    return true;
  }

  /** Whether any body condition is given (an arriving body must then be read). */
  public boolean needsBody() {
    return !body.isEmpty() || model != null;
  }

  private static void check(List<String> missed, boolean holds, String asked, Object had) {
    if (!holds) {
      missed.add(asked + " (was " + had + ")");
    }
  }

  /** The matcher in its JSON form; the key as {@code key_id}. */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    putIf(node, "method", method);
    putIf(node, "path", path);
    putIf(node, "path_regex", pathRegex == null ? null : pathRegex.pattern());
    putIf(node, "key_id", keyId);
    putIf(node, "model", model);
    if (status != null) {
      node.put("status", status);
    }
    putIf(node, "status_class", statusClass == null ? null : statusClass + "xx");
    putIf(node, "outcome", outcome);
    putIf(node, "rule", rule);
    putIf(node, "error_code", errorCode);
    if (sinceSeq != null) {
      node.put("since_seq", sinceSeq);
    }
    if (!body.isEmpty()) {
      ArrayNode conditions = node.putArray("body");
      body.forEach(condition -> conditions.add(condition.toJson()));
    }
    return node;
  }

  private static void putIf(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (method != null) {
      parts.add(method);
    }
    if (path != null) {
      parts.add(path);
    }
    if (pathRegex != null) {
      parts.add("path ~ /" + pathRegex.pattern() + "/");
    }
    if (keyId != null) {
      parts.add("key " + keyId);
    }
    if (model != null) {
      parts.add("model " + model);
    }
    if (status != null) {
      parts.add("status " + status);
    }
    if (statusClass != null) {
      parts.add("status " + statusClass + "xx");
    }
    if (outcome != null) {
      parts.add(outcome);
    }
    if (rule != null) {
      parts.add("rule " + rule);
    }
    if (errorCode != null) {
      parts.add("error_code " + errorCode);
    }
    if (sinceSeq != null) {
      parts.add("after #" + sinceSeq);
    }
    body.forEach(condition -> parts.add(condition.toString()));
    return parts.isEmpty() ? "any request" : String.join(", ", parts);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RequestMatcher that && toJson().equals(that.toJson());
  }

  @Override
  public int hashCode() {
    return Objects.hash(toJson());
  }
}

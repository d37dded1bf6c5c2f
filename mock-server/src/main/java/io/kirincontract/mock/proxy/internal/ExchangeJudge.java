package io.kirincontract.mock.proxy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kirincontract.spec.KirinSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The judge of DESIGN §7: the mock's verdict against the upstream's, then the upstream's answer against the spec.
 * Verdicts are compared only when the upstream's status is about the body: {@code 2xx}, {@code 400}, {@code 413},
 * {@code 415}, {@code 422}. A {@code 401}, {@code 403}, {@code 404}, {@code 409}, {@code 429} or {@code 5xx} depends
 * on the key, the account or the provider's state, which the mock cannot know.
 */
final class ExchangeJudge implements Judge {

  private static final Set<Integer> BODY_REFUSALS = Set.of(400, 413, 415, 422);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalVerdicts local;
  private final SpecCheck specCheck;
  private final KirinSpec spec;

  public ExchangeJudge(LocalVerdicts local, KirinSpec spec) {
    this.local = local;
    this.specCheck = new SpecCheck(spec);
    this.spec = spec;
  }

  @Override
  public Judgement judge(Exchange exchange) {
    if (exchange.unanswered()) {
      return new Judgement(
          null,
          new Verdict(exchange.upstreamStatus(), exchange.failureCode(), null),
          List.of(Drift.of(DriftKind.UPSTREAM_UNREACHABLE, null)));
    }
    List<Drift> drifts = new ArrayList<>();
    Verdict upstream = upstreamVerdict(exchange);
    Optional<Verdict> mine = aboutTheBody(upstream) ? local.judge(exchange) : Optional.empty();
    mine.flatMap(verdict -> compare(verdict, upstream)).ifPresent(drifts::add);
    if (upstream.code() != null && spec.errorCode(upstream.code()).isEmpty()) {
      drifts.add(Drift.of(DriftKind.UNKNOWN_CODE, mine.map(Verdict::rule).orElse(null)));
    }
    drifts.addAll(specCheck.check(exchange));
    return new Judgement(mine.orElse(null), upstream, drifts);
  }

  /** The answer reduced to status, {@code error.code} and {@code error.rule}; the mock's upstream verdict. */
  static Verdict upstreamVerdict(Exchange exchange) {
    JsonNode error = null;
    try {
      JsonNode body = exchange.upstreamBody().length == 0 ? null : JSON.readTree(exchange.upstreamBody());
      error = body == null ? null : body.get("error");
    } catch (IOException e) {
      // not JSON: no code to read; the spec check reports the body
    }
    return new Verdict(exchange.upstreamStatus(), text(error, "code"), text(error, "rule"));
  }

  private static Optional<Drift> compare(Verdict mine, Verdict upstream) {
    if (mine.isAccepted() && !upstream.isAccepted()) {
      return Optional.of(Drift.of(DriftKind.UNEXPECTED_REFUSAL, null));
    }
    if (!mine.isAccepted() && upstream.isAccepted()) {
      return Optional.of(Drift.of(DriftKind.RULE_NOT_ENFORCED, mine.rule()));
    }
    if (!mine.isAccepted()
        && (mine.status() != upstream.status() || !java.util.Objects.equals(mine.code(), upstream.code()))) {
      return Optional.of(Drift.of(DriftKind.CODE_MISMATCH, mine.rule()));
    }
    return Optional.empty();
  }

  private static boolean aboutTheBody(Verdict upstream) {
    return upstream.isAccepted() || BODY_REFUSALS.contains(upstream.status());
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }
}

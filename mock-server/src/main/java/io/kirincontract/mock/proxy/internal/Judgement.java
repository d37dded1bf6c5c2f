package io.kirincontract.mock.proxy.internal;

import java.util.List;

/**
 * What the judge made of an exchange.
 *
 * @param local the mock's own verdict on the request, or {@code null} when it gave none (not a create, or an upstream
 *     status that is not about the body)
 * @param upstream the upstream's answer as status, code and rule
 * @param drifts the disagreements; empty when the exchange agrees with the mock and the spec
 */
public record Judgement(Verdict local, Verdict upstream, List<Drift> drifts) {

  public Judgement {
    drifts = List.copyOf(drifts);
  }
}

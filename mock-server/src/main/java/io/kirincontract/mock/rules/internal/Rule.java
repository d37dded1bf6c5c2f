package io.kirincontract.mock.rules.internal;

import java.util.List;

/**
 * The one implementation of an {@code x-kirin-rules} entry, keyed by its id. A rule only detects: it returns what it
 * finds, and the {@link RuleEngine} turns each finding into a rejection, a warning or an ignored parameter as the
 * spec's {@code effect} and {@code mode} say.
 */
public interface Rule {

  /** The rule id, exactly as in the spec. */
  String id();

  /** What the rule finds in this request; empty when the request keeps the rule. */
  List<Finding> check(RuleContext context);

  /**
   * Whether the rule reads media (images, videos): such rules run after every other rule, and fetch no URL when the
   * request is already refused.
   */
  default boolean readsMedia() {
    return false;
  }
}
